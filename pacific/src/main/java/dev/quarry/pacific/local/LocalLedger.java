package dev.quarry.pacific.local;

import static java.util.Objects.requireNonNull;

import dev.quarry.pacific.provider.CloudFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where local servers live under the Quarry home, and their records, each written atomically:
 *
 * <pre>
 * servers/local-N/local.json   the record: address, agent port, port range, size, tags, agent pid
 *                              (or in a {@link LocalRecords} store every HQ of a grid shares)
 * servers/local-N/hq.pub       HQ's public key, the agent's --hq-key
 * servers/local-N/agent/       the agent's --home (its state, sources, logs)
 * servers/local-N/agent.log    the agent process's output
 * </pre>
 */
final class LocalLedger {
    private final Path servers;
    private final LocalRecords records;

    LocalLedger(Path home) {
        this(home, LocalRecords.inFolder(home.toAbsolutePath().normalize().resolve("servers")));
    }

    /** Folders under {@code home}, records in {@code records} (the files beside them, or a shared store). */
    LocalLedger(Path home, LocalRecords records) {
        this.servers = requireNonNull(home, "home is null").toAbsolutePath().normalize().resolve("servers");
        this.records = requireNonNull(records, "records is null");
    }

    Path folder(String id) {
        if (!LocalAllocation.ID.matcher(id).matches()) {
            throw new IllegalArgumentException("\"" + id + "\" is not a local server id (local-1, local-2, ...)");
        }
        return servers.resolve(id);
    }

    Path agentHome(String id) {
        return folder(id).resolve("agent");
    }

    Path hqKey(String id) {
        return folder(id).resolve("hq.pub");
    }

    Path log(String id) {
        return folder(id).resolve("agent.log");
    }

    List<LocalServer> all() throws CloudFailure {
        List<LocalServer> found = new ArrayList<>();
        for (String id : records.ids()) {
            find(id).ifPresent(found::add);
        }
        return found;
    }

    Optional<LocalServer> find(String id) throws CloudFailure {
        folder(id);
        Optional<byte[]> record = records.read(id);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalServerJson.read(record.get()));
        } catch (IOException | RuntimeException e) {
            throw new CloudFailure(records.where(id) + " is damaged (" + e.getMessage() + "); remove "
                    + records.removal(id, folder(id)) + " once its agent is stopped");
        }
    }

    void write(LocalServer server) throws CloudFailure {
        records.write(server.id(), json(server));
    }

    /** Writes the record of a new server; false when another HQ took its id meanwhile. */
    boolean claim(LocalServer server) throws CloudFailure {
        return records.claim(server.id(), json(server));
    }

    private static byte[] json(LocalServer server) throws CloudFailure {
        try {
            return LocalServerJson.write(server);
        } catch (IOException e) {
            throw new CloudFailure("cannot write the record of local server " + server.id() + ": " + e.getMessage());
        }
    }

    /** Deletes a server's folder, its record last, so an interrupted removal can be done again. */
    void forget(String id) throws CloudFailure {
        Path folder = folder(id);
        Path record = folder.resolve(FileLocalRecords.RECORD);
        try (Stream<Path> tree = Files.exists(folder) ? Files.walk(folder) : Stream.empty()) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(record) && !path.equals(folder)) {
                    Files.deleteIfExists(path);
                }
            }
        } catch (IOException e) {
            throw new CloudFailure("cannot remove " + folder + " (" + e.getMessage() + "); remove it by hand");
        }
        records.remove(id);
        try {
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            throw new CloudFailure("cannot remove " + folder + " (" + e.getMessage() + "); remove it by hand");
        }
    }
}
