package dev.quarry.agent.process;

import dev.quarry.agent.home.AgentHome;
import dev.quarry.agent.runtime.RuntimeFailure;
import dev.quarry.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The builds a server keeps per stack, by build key: {@code builds/STACK/artifacts/KEY/} is a hard-linked copy
 * (no room taken, owners and modes kept) of the release source a build of that key made, kept when that release
 * is removed; {@code builds/STACK/keys/KEY} names the release that built it. A later release with the same key
 * gets a hard-linked copy of the artifact as its source instead of building. The {@value #KEPT} most recently
 * used artifacts of a stack are kept.
 */
public final class BuiltReleases {
    static final int KEPT = 3;
    private static final Duration COPY_TIMEOUT = Duration.ofMinutes(10);

    private final AgentHome home;

    public BuiltReleases(AgentHome home) {
        this.home = home;
    }

    /** The release that built {@code key} on this server, if its artifact is kept. */
    public Optional<Integer> builtAt(String stack, String key) {
        Path file = stackFolder(stack).resolve("keys").resolve(key);
        try {
            if (!Files.isRegularFile(file) || !Files.isDirectory(artifact(stack, key))) {
                return Optional.empty();
            }
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.matches("[1-9][0-9]{0,8}") ? Optional.of(Integer.parseInt(text)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Keeps what {@code release}'s build of {@code key} made, then forgets all but the newest artifacts. */
    void keep(String stack, String key, int release) throws IOException, InterruptedException {
        Path artifact = artifact(stack, key);
        Path work = artifact.resolveSibling("." + key + ".part");
        AtomicFiles.deleteTree(work);
        AtomicFiles.deleteTree(artifact);
        Files.createDirectories(artifact.getParent());
        linkCopy(home.source(stack, release), work);
        Files.move(work, artifact);
        AtomicFiles.write(stackFolder(stack).resolve("keys").resolve(key),
                (release + "\n").getBytes(StandardCharsets.UTF_8));
        prune(stack);
    }

    /**
     * Makes {@code release}'s source a hard-linked copy of {@code key}'s artifact, unless it holds it already
     * (another node of the release with the same key reused it: replacing it would pull the source from under
     * that node's running containers).
     */
    void reuse(String stack, String key, int release) throws IOException, InterruptedException {
        Path holds = stackFolder(stack).resolve("holds").resolve(release + "." + key);
        if (Files.exists(holds)) {
            return;
        }
        Path target = home.source(stack, release);
        Path work = stackFolder(stack).resolve(".reuse-" + release);
        Path old = stackFolder(stack).resolve(".replaced-" + release);
        AtomicFiles.deleteTree(work);
        AtomicFiles.deleteTree(old);
        linkCopy(artifact(stack, key), work);
        Files.setLastModifiedTime(artifact(stack, key), FileTime.from(Instant.now()));
        if (Files.exists(target)) {
            Files.move(target, old);
        }
        Files.createDirectories(target.getParent());
        Files.move(work, target);
        AtomicFiles.syncFolder(target.getParent());
        AtomicFiles.deleteTree(old);
        AtomicFiles.write(holds, new byte[0]);
    }

    /** Where {@code key}'s artifact is kept, whether or not it is. */
    public Path artifact(String stack, String key) {
        return stackFolder(stack).resolve("artifacts").resolve(key);
    }

    /**
     * Keeps {@code unpacked} (a folder on this file system, holding an artifact another server built for
     * {@code release}) as {@code key}'s artifact, then forgets all but the newest artifacts.
     */
    public void adopt(String stack, String key, int release, Path unpacked) throws IOException {
        Path artifact = artifact(stack, key);
        AtomicFiles.deleteTree(artifact);
        Files.createDirectories(artifact.getParent());
        Files.move(unpacked, artifact);
        AtomicFiles.write(stackFolder(stack).resolve("keys").resolve(key),
                (release + "\n").getBytes(StandardCharsets.UTF_8));
        prune(stack);
    }

    /** An empty hidden folder beside the stack's artifacts, to unpack an incoming one into. */
    public Path incoming(String stack, String key) throws IOException {
        Path artifacts = Files.createDirectories(stackFolder(stack).resolve("artifacts"));
        return Files.createTempDirectory(artifacts, "." + key + ".incoming-");
    }

    private void prune(String stack) throws IOException {
        Path artifacts = stackFolder(stack).resolve("artifacts");
        List<Path> kept;
        try (Stream<Path> folders = Files.list(artifacts)) {
            kept = folders.filter(folder -> folder.getFileName().toString().matches("[0-9a-f]{64}"))
                    .sorted(Comparator.comparing(BuiltReleases::modified).reversed()).toList();
        }
        for (Path stale : kept.subList(Math.min(KEPT, kept.size()), kept.size())) {
            AtomicFiles.deleteTree(stale);
            Files.deleteIfExists(stackFolder(stack).resolve("keys").resolve(stale.getFileName().toString()));
        }
    }

    private static FileTime modified(Path folder) {
        try {
            return Files.getLastModifiedTime(folder);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void linkCopy(Path from, Path to) throws IOException, InterruptedException {
        Files.createDirectories(to.getParent());
        Process copy = new ProcessBuilder(List.of("cp", "-al", "--", from.toString(), to.toString()))
                .redirectErrorStream(true).start();
        copy.getOutputStream().close();
        String output = new String(copy.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!copy.waitFor(COPY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || copy.exitValue() != 0) {
            copy.destroyForcibly();
            AtomicFiles.deleteTree(to);
            throw new RuntimeFailure("cannot copy the build in " + from + " to " + to + ": cp -al failed: "
                    + output.lines().findFirst().orElse("no output"));
        }
    }

    private Path stackFolder(String stack) {
        return home.root().resolve("builds").resolve(stack);
    }
}
