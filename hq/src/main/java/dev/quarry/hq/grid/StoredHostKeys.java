package dev.quarry.hq.grid;

import static java.util.Objects.requireNonNull;

import dev.quarry.hq.state.StateConflictException;
import dev.quarry.hq.state.StateKey;
import dev.quarry.hq.state.StateStore;
import dev.quarry.hq.state.Versioned;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The agents' host keys under {@code grid/agent-host-keys/<host>_<port>} in the state store (public keys only),
 * copied into each HQ's {@code etc/agent_known_hosts} before it connects to an agent it has no line for.
 */
public final class StoredHostKeys implements HostKeyBook {
    private static final StateKey FOLDER = StateKey.of("grid", "agent-host-keys");

    private final StateStore store;

    public StoredHostKeys(StateStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    @Override
    public void record(String host, int port, String keyLine) throws IOException {
        if (!host.matches("[A-Za-z0-9][A-Za-z0-9.-]{0,200}")) {
            throw new IOException("cannot share the host key of the agent on " + host + ":" + port + " with the other"
                    + " HQs: only IPv4 addresses and host names are kept in the store");
        }
        StateKey key = key(host, port);
        byte[] value = keyLine.strip().getBytes(StandardCharsets.UTF_8);
        for (int attempt = 1; ; attempt++) {
            long revision = store.read(key).map(Versioned::revision).orElse(StateStore.ABSENT);
            try {
                store.write(key, revision, value);
                return;
            } catch (StateConflictException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void forget(String host, int port) {
        StateKey key = key(host, port);
        store.read(key).ifPresent(stored -> {
            try {
                store.delete(key, stored.revision());
            } catch (StateConflictException e) {
                // changed meanwhile: a new server on the same address recorded its key, which stays
            }
        });
    }

    @Override
    public void copyInto(Path knownHosts) throws IOException {
        String known = Files.exists(knownHosts) ? Files.readString(knownHosts, StandardCharsets.UTF_8) : "";
        for (String name : store.children(FOLDER)) {
            int separator = name.lastIndexOf('_');
            if (separator < 1 || !name.substring(separator + 1).matches("[0-9]{1,5}")) {
                continue;
            }
            String host = name.substring(0, separator);
            int port = Integer.parseInt(name.substring(separator + 1));
            String keyLine = store.read(FOLDER.child(name)).map(stored -> new String(stored.value(),
                    StandardCharsets.UTF_8).strip()).orElse("");
            String line = (port == 22 ? host : "[" + host + "]:" + port) + " " + keyLine;
            if (!keyLine.isEmpty() && !List.of(known.split("\n")).contains(line)) {
                KnownHostLines.remember(knownHosts, host, port, keyLine);
                known = Files.readString(knownHosts, StandardCharsets.UTF_8);
            }
        }
    }

    private static StateKey key(String host, int port) {
        return FOLDER.child(host + "_" + port);
    }
}
