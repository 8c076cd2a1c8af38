/** Tests of an agent restarted on the same home: what it finds, and the one-agent-per-home lock. */
package dev.quarry.agent.restart;
