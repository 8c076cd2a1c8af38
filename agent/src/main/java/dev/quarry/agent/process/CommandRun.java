package dev.quarry.agent.process;

import dev.quarry.agent.runtime.OneOff;
import dev.quarry.agent.runtime.OutputLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs a (sandboxed) command line to completion in its own session and its own cgroups (the same cap on
 * processes as a container's, so a fork bomb in a build stays inside), its output appended to a file and,
 * line by line, handed to whoever watches it (the push, or the caller of a one-off).
 */
final class CommandRun {
    /** The status answered when the command ran past its time limit and was killed. */
    static final int TIMED_OUT = OneOff.TIMED_OUT;
    /** The status answered when whoever waited for it left and it was killed. */
    static final int ABANDONED = OneOff.ABANDONED;
    /** How often a run checks that it is still wanted. */
    private static final Duration POLL = Duration.ofMillis(200);
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
        return run(name, command, folder, env, output, timeout, lines, LIMITS, () -> true);
    }

    /**
     * The same with {@code limits} for its cgroups, its output to {@code output} (null: to {@code lines} only), and
     * killed ({@link #ABANDONED}) once {@code wanted} turns false, as a one-off whose caller left.
     */
    int run(String name, List<String> command, Path folder, Map<String, String> env, Path output, Duration timeout,
            OutputLines lines, Limits limits, BooleanSupplier wanted) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("setsid"));
        line.addAll(Cgroups.joining(cgroups.create(name, limits), command));
        ProcessBuilder builder = new ProcessBuilder(line)
                .directory(folder.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true);
        ProcessEnvironment.fill(builder.environment(), env);
        Process process = builder.start();
        Thread pump = Thread.ofVirtual().name("output@" + name)
                .start(new OutputPump(process.getInputStream(), output, lines));
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!process.waitFor(Math.min(POLL.toNanos(), Math.max(1, deadline - System.nanoTime())),
                    TimeUnit.NANOSECONDS)) {
                boolean late = System.nanoTime() - deadline >= 0;
                if (late || !wanted.getAsBoolean()) {
                    ProcessGroups.terminate(process.pid(), Duration.ofSeconds(late ? 5 : 2));
                    process.waitFor(10, TimeUnit.SECONDS);
                    return late ? TIMED_OUT : ABANDONED;
                }
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
