package dev.quarry.pacific.local;

import dev.quarry.files.AtomicFiles;
import static java.util.Objects.requireNonNull;

import dev.quarry.pacific.provider.CloudFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
 * servers/local-N/hq.pub       HQ's public key, the agent's --hq-key
 * servers/local-N/agent/       the agent's --home (its state, sources, logs)
 * servers/local-N/agent.log    the agent process's output
 * </pre>
 */
final class LocalLedger {
    private static final String RECORD = "local.json";

    private final Path servers;

    LocalLedger(Path home) {
        this.servers = requireNonNull(home, "home is null").toAbsolutePath().normalize().resolve("servers");
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
        if (!Files.isDirectory(servers)) {
            return List.of();
        }
        List<LocalServer> found = new ArrayList<>();
        try (Stream<Path> folders = Files.list(servers)) {
            for (Path folder : folders.sorted().toList()) {
                String name = folder.getFileName().toString();
                if (LocalAllocation.ID.matcher(name).matches() && Files.isRegularFile(folder.resolve(RECORD))) {
                    find(name).ifPresent(found::add);
                }
            }
        } catch (IOException e) {
            throw new CloudFailure("cannot list " + servers + " (" + e.getMessage() + "); check that HQ's user can read it");
        }
        return found;
    }

    Optional<LocalServer> find(String id) throws CloudFailure {
        Path file = folder(id).resolve(RECORD);
        try {
            return Optional.of(LocalServerJson.read(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CloudFailure("cannot read " + file + " (" + e.getMessage() + "); check that HQ's user can read it");
        } catch (RuntimeException e) {
            throw new CloudFailure(file + " is damaged (" + e.getMessage() + "); remove the folder " + folder(id)
                    + " once its agent is stopped");
        }
    }

    void write(LocalServer server) throws CloudFailure {
        Path file = folder(server.id()).resolve(RECORD);
        try {
            AtomicFiles.write(file, LocalServerJson.write(server));
        } catch (IOException e) {
            throw new CloudFailure("cannot write " + file + " (" + e.getMessage() + "); check free space and that "
                    + "HQ's user can write " + servers);
        }
    }

    /** Deletes a server's folder, its record last, so an interrupted removal can be done again. */
    void forget(String id) throws CloudFailure {
        Path folder = folder(id);
        Path record = folder.resolve(RECORD);
        try (Stream<Path> tree = Files.exists(folder) ? Files.walk(folder) : Stream.empty()) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(record) && !path.equals(folder)) {
                    Files.deleteIfExists(path);
                }
            }
            Files.deleteIfExists(record);
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            throw new CloudFailure("cannot remove " + folder + " (" + e.getMessage() + "); remove it by hand");
        }
    }
}
