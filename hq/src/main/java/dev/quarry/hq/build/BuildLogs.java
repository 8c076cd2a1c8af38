package dev.quarry.hq.build;

import dev.quarry.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The build logs of a home's stacks: {@code stacks/APP/build/RELEASE/NODE@SERVER.log}, each the whole output of
 * one build of a node's release on one server, written by HQ as the build streams to the push (so the log is
 * HQ's, wherever the build ran), put in place atomically when the build ended.
 */
public final class BuildLogs {
    private static final Pattern NAME =
            Pattern.compile("([a-z0-9][a-z0-9-]{0,62})@([A-Za-z0-9][A-Za-z0-9.-]{0,62})\\.log");

    private static final Logger LOG = LoggerFactory.getLogger(BuildLogs.class);

    private final Path stacks;

    /** @param stacks the home's {@code stacks/} folder */
    public BuildLogs(Path stacks) {
        this.stacks = stacks;
    }

    /** The logs of the stack whose live source link is {@code source} ({@code stacks/APP/src}). */
    public static BuildLogs besideSource(Path source) {
        return new BuildLogs(source.toAbsolutePath().getParent().getParent());
    }

    /** A log of a build about to run; nothing is kept unless it is {@link BuildLogWriter#finish finished}. */
    public BuildLogWriter start(String stack, int release, String node, String server) {
        Path folder = folder(stack, release);
        String name = node + "@" + server + ".log";
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a build log name: " + name);
        }
        return new BuildLogWriter(folder, name);
    }

    /** The release's build logs, by node then server; empty when none ran for it on this HQ. */
    public List<BuildLog> of(String stack, int release) {
        Path folder = folder(stack, release);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(BuildLogs::read).flatMap(Optional::stream)
                    .sorted(Comparator.comparing(BuildLog::node).thenComparing(BuildLog::server)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the build logs in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Forgets the build logs of the stack's releases not in {@code kept} (dropped by retention); best effort. */
    public void keepOnly(String stack, Set<Integer> kept) {
        Path builds = stacks.resolve(stack).resolve("build");
        if (!Files.isDirectory(builds)) {
            return;
        }
        try (Stream<Path> folders = Files.list(builds)) {
            for (Path folder : folders.toList()) {
                String name = folder.getFileName().toString();
                if (name.matches("[1-9][0-9]{0,8}") && !kept.contains(Integer.parseInt(name))) {
                    AtomicFiles.deleteTree(folder);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot drop old build logs of {} in {}: {}", stack, builds, e.getMessage());
        }
    }

    private static Optional<BuildLog> read(Path file) {
        Matcher name = NAME.matcher(file.getFileName().toString());
        if (!name.matches() || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BuildLog(name.group(1), name.group(2),
                    Files.readAllLines(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the build log " + file + ": " + e.getMessage(), e);
        }
    }

    private Path folder(String stack, int release) {
        if (!stack.matches("[a-z0-9][a-z0-9-]{0,62}") || release < 1) {
            throw new IllegalArgumentException("no build logs for " + stack + " release " + release);
        }
        return stacks.resolve(stack).resolve("build").resolve(String.valueOf(release));
    }
}
