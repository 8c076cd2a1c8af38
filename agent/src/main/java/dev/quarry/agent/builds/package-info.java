/** Built releases between servers: which builds a server keeps, sending one to HQ, receiving one from HQ. */
package dev.quarry.agent.builds;
