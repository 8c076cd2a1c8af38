package dev.quarry.hq.firewall;

import dev.quarry.agent.AgentMain;
import dev.quarry.agent.AgentOptions;
import dev.quarry.agent.AgentSettings;
import java.util.Map;
import java.util.Optional;

/** {@code FirewallAgentMain HOME ADDR:PORT HQ_KEY DOCKER_HOST}: a real agent in the foreground, for tests. */
public final class FirewallAgentMain {
    private FirewallAgentMain() {}

    public static void main(String[] arguments) {
        AgentSettings settings = AgentOptions.of(Optional.of(arguments[0]), Optional.of(arguments[1]),
                Optional.of(arguments[2]), Optional.empty(), Optional.of(arguments[3]), Map.of());
        int status = AgentMain.serve(settings, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }
}
