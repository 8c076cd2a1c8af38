package dev.quarry.cli.up;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged quarry jar run as its own process, as users run it; stopped by its PID. */
public final class QuarryProcess implements AutoCloseable {
    private static final Path ROOT = Path.of(System.getProperty("quarry.root", "..")).toAbsolutePath().normalize();

    private final Process process;
    private final Path output;
    private final Path errors;

    private QuarryProcess(Process process, Path output, Path errors) {
        this.process = process;
        this.output = output;
        this.errors = errors;
    }

    /** Starts {@code java -Duser.home=USERHOME -jar cli/target/quarry.jar ARGS...}, its output in {@code folder}. */
    public static QuarryProcess start(Path folder, Path userHome, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + userHome, "-jar", ROOT.resolve("cli/target/quarry.jar").toString()));
        command.addAll(List.of(args));
        Path output = folder.resolve("quarry.out");
        Path errors = folder.resolve("quarry.err");
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
        return new QuarryProcess(process, output, errors);
    }

    public static Path checkout() {
        return ROOT;
    }

    /** Everything printed so far, once a line contains {@code text} (within 90 s). */
    public String awaitOutput(String text) throws IOException, InterruptedException {
        for (int tries = 0; tries < 900; tries++) {
            String printed = Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
            if (printed.contains(text)) {
                return printed;
            }
            if (!process.isAlive()) {
                throw new AssertionError("quarry exited with " + process.exitValue() + ": " + Files.readString(errors));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("quarry did not print \"" + text + "\" within 90 s: " + Files.readString(errors));
    }

    /** Sends SIGTERM and waits; whether it ended within a minute. */
    public boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive() && !stop()) {
            process.destroyForcibly().waitFor();
        }
    }
}
