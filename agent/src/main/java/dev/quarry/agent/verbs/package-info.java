/** The verbs at work: each request read, carried out across the runtimes, ports and sources, and answered. */
package dev.quarry.agent.verbs;
