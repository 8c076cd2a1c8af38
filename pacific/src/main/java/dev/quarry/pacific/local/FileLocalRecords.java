package dev.quarry.pacific.local;

import static java.util.Objects.requireNonNull;

import dev.quarry.files.AtomicFiles;
import dev.quarry.pacific.provider.CloudFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The local provider's records as {@code servers/<id>/local.json} files, each written atomically. */
final class FileLocalRecords implements LocalRecords {
    static final String RECORD = "local.json";

    private final Path servers;

    FileLocalRecords(Path servers) {
        this.servers = requireNonNull(servers, "servers is null").toAbsolutePath().normalize();
    }

    @Override
    public List<String> ids() throws CloudFailure {
        if (!Files.isDirectory(servers)) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        try (Stream<Path> folders = Files.list(servers)) {
            for (Path folder : folders.sorted().toList()) {
                String name = folder.getFileName().toString();
                if (LocalAllocation.ID.matcher(name).matches() && Files.isRegularFile(folder.resolve(RECORD))) {
                    found.add(name);
                }
            }
        } catch (IOException e) {
            throw new CloudFailure("cannot list " + servers + " (" + e.getMessage() + "); check that HQ's user can read it");
        }
        return found;
    }

    @Override
    public Optional<byte[]> read(String id) throws CloudFailure {
        Path file = file(id);
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CloudFailure("cannot read " + file + " (" + e.getMessage() + "); check that HQ's user can read it");
        }
    }

    @Override
    public void write(String id, byte[] record) throws CloudFailure {
        Path file = file(id);
        try {
            AtomicFiles.write(file, record);
        } catch (IOException e) {
            throw new CloudFailure("cannot write " + file + " (" + e.getMessage() + "); check free space and that "
                    + "HQ's user can write " + servers);
        }
    }

    /** One HQ per home, and the provider claims under its own lock, so a check then a write is enough here. */
    @Override
    public boolean claim(String id, byte[] record) throws CloudFailure {
        if (Files.exists(file(id))) {
            return false;
        }
        write(id, record);
        return true;
    }

    @Override
    public void remove(String id) throws CloudFailure {
        Path file = file(id);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new CloudFailure("cannot remove " + file + " (" + e.getMessage() + "); remove it by hand");
        }
    }

    @Override
    public String where(String id) {
        return file(id).toString();
    }

    private Path file(String id) {
        return servers.resolve(id).resolve(RECORD);
    }
}
