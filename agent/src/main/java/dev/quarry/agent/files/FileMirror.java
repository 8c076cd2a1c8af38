package dev.quarry.agent.files;

import static java.util.Objects.requireNonNull;

import dev.quarry.files.AtomicFiles;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchEvent;
import io.etcd.jetcd.watch.WatchResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirrors the keys under a prefix in etcd onto a folder of this server: at start (and after any watch
 * failure, such as etcd restarting) the folder is made equal to etcd — each key a file written atomically,
 * files without a key deleted — then etcd's watch from the revision read on keeps it so. A key whose name
 * is not a safe path ({@link MirroredPath}) is logged and skipped; the folder is the mirror's alone.
 */
public final class FileMirror implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FileMirror.class);
    /** Where HQ writes mirrored files. */
    public static final String DEFAULT_PREFIX = "/quarry/files/";
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final Client client;
    private final String endpoint;
    private final String prefix;
    private final Path folder;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("agent-file-mirror").daemon().factory());
    private Watch.Watcher watcher;
    private volatile boolean closed;

    private FileMirror(Client client, String endpoint, String prefix, Path folder) {
        this.client = client;
        this.endpoint = endpoint;
        this.prefix = prefix;
        this.folder = folder;
    }

    /** Starts mirroring {@code prefix} of the etcd at {@code endpoint} onto {@code folder}; syncs once before it answers. */
    public static FileMirror start(String endpoint, String prefix, Path folder) throws IOException {
        requireNonNull(endpoint, "endpoint is null");
        if (!prefix.endsWith("/")) {
            throw new IllegalArgumentException("the files prefix must end with /, got " + prefix);
        }
        AtomicFiles.createFolders(folder);
        FileMirror mirror = new FileMirror(Client.builder().endpoints(endpoint).build(), endpoint, prefix,
                folder.toAbsolutePath().normalize());
        try {
            mirror.syncAndWatch();
        } catch (IOException | RuntimeException e) {
            mirror.close();
            throw e;
        }
        return mirror;
    }

    public Path folder() {
        return folder;
    }

    /** Makes the folder equal to etcd, then watches for changes after what was read. */
    private synchronized void syncAndWatch() throws IOException {
        if (closed) {
            return;
        }
        ByteSequence start = bytes(prefix);
        GetResponse all = await(client.getKVClient().get(start, GetOption.builder().isPrefix(true).build()));
        Set<Path> wanted = new HashSet<>();
        for (KeyValue pair : all.getKvs()) {
            write(pair).ifPresent(wanted::add);
        }
        deleteAllBut(wanted);
        long next = all.getHeader().getRevision() + 1;
        if (watcher != null) {
            watcher.close();
        }
        watcher = client.getWatchClient().watch(start, WatchOption.builder().isPrefix(true).withRevision(next).build(),
                Watch.listener(this::apply, this::failed));
        LOG.info("mirroring {} of etcd at {} onto {} ({} files, from revision {})", prefix, endpoint, folder,
                wanted.size(), next);
    }

    private void apply(WatchResponse response) {
        for (WatchEvent event : response.getEvents()) {
            try {
                if (event.getEventType() == WatchEvent.EventType.PUT) {
                    write(event.getKeyValue());
                } else if (event.getEventType() == WatchEvent.EventType.DELETE) {
                    delete(event.getKeyValue());
                }
            } catch (IOException e) {
                LOG.warn("cannot mirror {}: {}", name(event.getKeyValue()), e.getMessage());
            }
        }
    }

    /** The watch ended (etcd went away, the revision was compacted): sync again from scratch, until it works. */
    private void failed(Throwable problem) {
        if (closed) {
            return;
        }
        LOG.warn("the watch of {} on etcd at {} failed ({}); syncing again", prefix, endpoint, problem.toString());
        schedule.schedule(this::resync, RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void resync() {
        try {
            syncAndWatch();
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot sync {} from etcd at {}: {}; trying again in {} s", prefix, endpoint, e.getMessage(),
                    RETRY.toSeconds());
            if (!closed) {
                schedule.schedule(this::resync, RETRY.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private Optional<Path> write(KeyValue pair) throws IOException {
        Optional<Path> file = file(pair);
        if (file.isPresent()) {
            AtomicFiles.write(file.get(), pair.getValue().getBytes());
        }
        return file;
    }

    private void delete(KeyValue pair) throws IOException {
        Optional<Path> file = file(pair);
        if (file.isPresent()) {
            Files.deleteIfExists(file.get());
        }
    }

    private Optional<Path> file(KeyValue pair) {
        String name = name(pair);
        Optional<Path> relative = MirroredPath.of(name);
        if (relative.isEmpty()) {
            LOG.warn("not mirroring {}{}: not a safe file name (plain names joined by /, at most 8 deep)", prefix,
                    name);
            return Optional.empty();
        }
        return Optional.of(folder.resolve(relative.get()));
    }

    private String name(KeyValue pair) {
        return pair.getKey().toString(StandardCharsets.UTF_8).substring(prefix.length());
    }

    private void deleteAllBut(Set<Path> wanted) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(file -> !wanted.contains(file)).toList();
        }
        for (Path file : files) {
            if (!file.getFileName().toString().startsWith(".")) {
                Files.deleteIfExists(file);
            }
        }
    }

    private <T> T await(java.util.concurrent.CompletableFuture<T> call) throws IOException {
        try {
            return call.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new IOException("etcd at " + endpoint + " did not answer within " + CALL_TIMEOUT.toSeconds()
                    + " s; check it runs and --etcd names it", e);
        } catch (ExecutionException e) {
            throw new IOException("etcd at " + endpoint + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading etcd at " + endpoint, e);
        }
    }

    private static ByteSequence bytes(String text) {
        return ByteSequence.from(text, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        closed = true;
        schedule.shutdownNow();
        if (watcher != null) {
            watcher.close();
        }
        client.close();
    }
}
