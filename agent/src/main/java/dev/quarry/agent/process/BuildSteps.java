package dev.quarry.agent.process;

import dev.quarry.agent.home.AgentHome;
import dev.quarry.agent.runtime.PrepareRequest;
import dev.quarry.agent.runtime.RuntimeFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A node's build commands, run once per release in the release's source folder (writable, in the stack's
 * sandbox), in order, output
 * to {@code builds/STACK/NODE/RELEASE.log}. Success leaves {@code RELEASE.done}; a failure says which
 * command failed with its last lines, and the next prepare runs them all again.
 */
final class BuildSteps {
    static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final int SHOWN_LINES = 20;

    private final AgentHome home;
    private final StackSandbox sandbox;
    private final CommandRun runner;
    private final ConcurrentMap<Path, Object> locks = new ConcurrentHashMap<>();

    BuildSteps(AgentHome home, StackSandbox sandbox, CommandRun runner) {
        this.home = home;
        this.sandbox = sandbox;
        this.runner = runner;
    }

    void ensure(PrepareRequest request, Path source) {
        Path log = home.build(request.stack(), request.node(), request.release());
        Path done = log.resolveSibling(request.release() + ".done");
        synchronized (locks.computeIfAbsent(done, key -> new Object())) {
            if (request.build().isEmpty() || Files.exists(done)) {
                return;
            }
            try {
                Files.createDirectories(log.getParent());
                Files.deleteIfExists(log);
                runAll(request, source, log);
                Files.writeString(done, "ok\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new RuntimeFailure("cannot build " + request.describe() + ": " + RuntimeFailure.firstLine(e)
                        + "; check " + home.root() + " is writable", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RuntimeFailure("the build of " + request.describe() + " was interrupted; prepare it again");
            }
        }
    }

    private void runAll(PrepareRequest request, Path source, Path log) throws IOException, InterruptedException {
        List<String> commands = request.build();
        for (int i = 0; i < commands.size(); i++) {
            String command = commands.get(i);
            Files.writeString(log, "-----> build " + (i + 1) + "/" + commands.size() + ": " + command + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            String name = "build@" + request.stack() + "." + request.node() + "." + request.release();
            int status = runner.run(name, sandbox.command(request.stack(), source, true, command), source,
                    request.env(), log, TIMEOUT);
            if (status != 0) {
                String ended = status == CommandRun.TIMED_OUT ? "ran past " + TIMEOUT.toMinutes() + " minutes"
                        : "failed with status " + status;
                throw new RuntimeFailure("build command " + (i + 1) + " of " + commands.size() + " (" + command + ") "
                        + ended + " for " + request.describe() + "; its last lines follow, the whole output is in "
                        + log, Tail.lines(log, SHOWN_LINES));
            }
        }
    }
}
