package dev.quarry.pacific.local;

import java.io.IOException;

/**
 * Starts a local server's agent as a process of its own. {@link JavaAgentLauncher} is the real one; the local
 * provider stops the process by its PID, so a restarted HQ can stop agents an earlier HQ started.
 */
@FunctionalInterface
public interface AgentLauncher {
    LaunchedAgent launch(AgentCommand command) throws IOException;
}
