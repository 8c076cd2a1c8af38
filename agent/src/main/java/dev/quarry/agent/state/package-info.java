/** The agent's memory across restarts: one state file (ports handed out, containers started), written atomically. */
package dev.quarry.agent.state;
