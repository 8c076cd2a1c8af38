package dev.quarry.hq.endtoend;

import dev.quarry.pacific.agent.HqPublicKey;
import dev.quarry.pacific.local.LocalProvider;
import dev.quarry.pacific.provider.Server;
import java.nio.file.Files;
import java.nio.file.Path;

/** pacific's local servers an HQ made under a test's home; their agent processes outlive HQ, as servers do. */
final class LocalServers {
    private LocalServers() {}

    static LocalProvider provider(Path hqHome, Path providerHome) throws Exception {
        return LocalProvider.atHome(providerHome, new HqPublicKey(Files.readString(
                hqHome.resolve("etc/agent_key.pub")).strip()));
    }

    /** Stops every local server's agent (by its recorded PID) and removes its folder. */
    static void removeAll(Path hqHome, Path providerHome) throws Exception {
        if (!Files.exists(hqHome.resolve("etc/agent_key.pub"))) {
            return;
        }
        LocalProvider provider = provider(hqHome, providerHome);
        for (Server server : provider.list()) {
            provider.remove(server.id());
        }
    }
}
