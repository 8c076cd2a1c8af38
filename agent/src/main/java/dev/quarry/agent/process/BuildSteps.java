package dev.quarry.agent.process;

import dev.quarry.agent.home.AgentHome;
import dev.quarry.agent.runtime.BuildOutcome;
import dev.quarry.agent.runtime.OutputLines;
import dev.quarry.agent.runtime.PrepareRequest;
import dev.quarry.agent.runtime.RuntimeFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A node's build commands, run once per release in the release's source folder (writable, in the stack's
 * sandbox), in order, output
 * to {@code builds/STACK/NODE/RELEASE.log} and, line by line, to whoever watches (the push). Success leaves
 * {@code RELEASE.done}; a failure says which command failed with its first error lines and its last lines,
 * and the next prepare runs them all again. With a build key, a release whose key this server built before
 * reuses that build ({@link BuiltReleases}): its source becomes a hard-linked copy of the kept one, and nothing
 * runs; nodes of one release with one key build once. Such a release needs no source of its own: the kept build may
 * have come from another server (receive-build).
 */
final class BuildSteps {
    static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final AgentHome home;
    private final StackSandbox sandbox;
    private final CommandRun runner;
    private final BuiltReleases builtReleases;
    private final ConcurrentMap<Path, Object> locks = new ConcurrentHashMap<>();

    BuildSteps(AgentHome home, StackSandbox sandbox, CommandRun runner) {
        this.home = home;
        this.sandbox = sandbox;
        this.runner = runner;
        this.builtReleases = new BuiltReleases(home);
    }

    BuildOutcome ensure(PrepareRequest request, Path source, OutputLines output) {
        Path log = home.build(request.stack(), request.node(), request.release());
        Path done = log.resolveSibling(request.release() + ".done");
        Path lock = request.buildKey() == null ? done : log.resolveSibling(request.buildKey());
        synchronized (locks.computeIfAbsent(lock, key -> new Object())) {
            if (request.build().isEmpty() || Files.exists(done)) {
                return BuildOutcome.NOTHING;
            }
            long began = System.nanoTime();
            try {
                Files.createDirectories(log.getParent());
                Optional<Integer> built = request.buildKey() == null ? Optional.empty()
                        : builtReleases.builtAt(request.stack(), request.buildKey());
                if (built.isPresent()) {
                    if (built.get() != request.release() || !Files.isDirectory(source)) {
                        builtReleases.reuse(request.stack(), request.buildKey(), request.release());
                    }
                    Files.writeString(done, "reused " + built.get() + "\n", StandardCharsets.UTF_8);
                    return new BuildOutcome(false, since(began), built.get());
                }
                requireSource(request, source);
                Files.deleteIfExists(log);
                runAll(request, source, log, output);
                if (request.buildKey() != null) {
                    builtReleases.keep(request.stack(), request.buildKey(), request.release());
                }
                Files.writeString(done, "ok\n", StandardCharsets.UTF_8);
                return new BuildOutcome(true, since(began), 0);
            } catch (IOException e) {
                throw new RuntimeFailure("cannot build " + request.describe() + ": " + RuntimeFailure.firstLine(e)
                        + "; check " + home.root() + " is writable", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RuntimeFailure("the build of " + request.describe() + " was interrupted; prepare it again");
            }
        }
    }

    /** A release that builds needs its source; one that reuses a kept build (maybe received from HQ) does not. */
    private static void requireSource(PrepareRequest request, Path source) {
        if (!Files.isDirectory(source)) {
            throw new RuntimeFailure("no source for " + request.stack() + " release " + request.release()
                    + " on this server (" + source + ") and no build of its key kept here; send it first with"
                    + " receive-source, or the build with receive-build");
        }
    }

    private static long since(long began) {
        return (System.nanoTime() - began) / 1_000_000;
    }

    private void runAll(PrepareRequest request, Path source, Path log, OutputLines output)
            throws IOException, InterruptedException {
        if (BuildCache.isOff(request.env())) {
            BuildCache.clear(home.stackHome(request.stack()));
            output.line(BuildCache.CLEARED);
            Files.writeString(log, BuildCache.CLEARED + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        List<String> commands = request.build();
        for (int i = 0; i < commands.size(); i++) {
            String command = commands.get(i);
            Files.writeString(log, "-----> build " + (i + 1) + "/" + commands.size() + ": " + command + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            String name = "build@" + request.stack() + "." + request.node() + "." + request.release();
            int status = runner.run(name, sandbox.command(request.stack(), source, true, command), source,
                    request.env(), log, TIMEOUT, output);
            if (status != 0) {
                String ended = status == CommandRun.TIMED_OUT ? "ran past " + TIMEOUT.toMinutes() + " minutes"
                        : "exited " + status;
                throw new RuntimeFailure("build failed: " + command + " " + ended + " (build command " + (i + 1)
                        + " of " + commands.size() + " of " + request.describe() + "); its first error lines and"
                        + " last lines follow, the whole log is shown by: quarry logs --build "
                        + request.release(), BuildFailureLines.of(log));
            }
        }
    }
}
