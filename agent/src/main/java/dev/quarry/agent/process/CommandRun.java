package dev.quarry.agent.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code sh -c COMMAND} to completion in its own session, its output appended to a file. */
final class CommandRun {
    /** The status answered when the command ran past its time limit and was killed. */
    static final int TIMED_OUT = -1;

    private CommandRun() {}

    static int run(String command, Path folder, Map<String, String> env, Path output, Duration timeout)
            throws IOException, InterruptedException {
        Files.createDirectories(output.getParent());
        ProcessBuilder builder = new ProcessBuilder(List.of("setsid", "sh", "-c", command))
                .directory(folder.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .redirectErrorStream(true);
        ProcessEnvironment.fill(builder.environment(), env);
        Process process = builder.start();
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
        }
    }
}
