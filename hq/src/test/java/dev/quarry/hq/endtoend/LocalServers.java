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

    /** The same for servers whose records are in the etcd at {@code endpoint} (HQs sharing a grid). */
    static void removeAllInStore(Path hqHome, Path providerHome, String endpoint) throws Exception {
        if (!Files.exists(hqHome.resolve("etc/agent_key.pub"))) {
            return;
        }
        try (dev.quarry.hq.etcd.EtcdConnection etcd = dev.quarry.hq.etcd.EtcdConnection.open(endpoint)) {
            LocalProvider provider = LocalProvider.atHome(providerHome, new dev.quarry.hq.grid.StoredLocalRecords(
                    new dev.quarry.hq.state.etcd.EtcdStateStore(etcd)), new HqPublicKey(Files.readString(
                    hqHome.resolve("etc/agent_key.pub")).strip()), java.util.List.of());
            for (Server server : provider.list()) {
                provider.remove(server.id());
            }
        }
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
