package dev.quarry.agent.process;

import dev.quarry.agent.runtime.OutputLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a (sandboxed) command line to completion in its own session and its own cgroups (the same cap on
 * processes as a container's, so a fork bomb in a build stays inside), its output appended to a file and,
 * line by line, handed to whoever watches it (the push).
 */
final class CommandRun {
    /** The status answered when the command ran past its time limit and was killed. */
    static final int TIMED_OUT = -1;
    private static final Limits LIMITS = new Limits(0, 0, Limits.PROCESSES);

    private final Cgroups cgroups;

    CommandRun(Cgroups cgroups) {
        this.cgroups = cgroups;
    }

    /** @param name the cgroup's name, unique among what runs at once, such as {@code build@shop.web.3} */
    int run(String name, List<String> command, Path folder, Map<String, String> env, Path output, Duration timeout)
            throws IOException, InterruptedException {
        return run(name, command, folder, env, output, timeout, OutputLines.NONE);
    }

    /** The same, each line of output also to {@code lines} as it comes. */
    int run(String name, List<String> command, Path folder, Map<String, String> env, Path output, Duration timeout,
            OutputLines lines) throws IOException, InterruptedException {
        Files.createDirectories(output.getParent());
        List<String> line = new ArrayList<>(List.of("setsid"));
        line.addAll(Cgroups.joining(cgroups.create(name, LIMITS), command));
        ProcessBuilder builder = new ProcessBuilder(line)
                .directory(folder.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true);
        ProcessEnvironment.fill(builder.environment(), env);
        Process process = builder.start();
        Thread pump = Thread.ofVirtual().name("output@" + name)
                .start(new OutputPump(process.getInputStream(), output, lines));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessGroups.terminate(process.pid(), Duration.ofSeconds(5));
                process.waitFor(10, TimeUnit.SECONDS);
                return TIMED_OUT;
            }
            return process.exitValue();
        } finally {
            if (ProcessGroups.alive(process.pid())) {
                ProcessGroups.signal(process.pid(), "KILL");
            }
            if (!pump.join(Duration.ofSeconds(10))) {
                process.getInputStream().close();
            }
            cgroups.delete(name);
        }
    }
}
