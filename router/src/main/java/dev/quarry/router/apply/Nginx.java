package dev.quarry.router.apply;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The nginx binary, run with the router's own prefix: {@code -t} to validate a staged configuration,
 * and a master process of our own that we reload with SIGHUP and stop by its PID.
 */
final class Nginx {
    private static final long COMMAND_TIMEOUT_SECONDS = 120;
    private final String binary;
    private final Path prefix;

    Nginx(String binary, Path prefix) {
        this.binary = binary;
        this.prefix = prefix;
    }

    /** Empty when nginx accepts the configuration; else nginx's first error line, paths made relative. */
    Optional<String> test(Generation generation) throws IOException, InterruptedException {
        Command.Result result = Command.run(List.of(binary, "-t", "-q", "-p", prefix + "/", "-e",
                prefix.resolve("logs/error.log").toString(), "-c", generation.mainConfig().toString()),
                COMMAND_TIMEOUT_SECONDS);
        if (result.status() == 0) {
            return Optional.empty();
        }
        String line = result.output().lines().filter(it -> it.contains("[emerg]") || it.contains("[alert]"))
                .findFirst().orElse(result.output().strip());
        return Optional.of(line.replace(generation.folder() + "/", ""));
    }

    /** Starts the master process in the foreground of its own process (daemon off), so its PID is ours. */
    Process start(Path liveConfig) throws IOException {
        Path log = prefix.resolve("logs/nginx.out");
        return new ProcessBuilder(binary, "-p", prefix + "/", "-e", prefix.resolve("logs/error.log").toString(),
                "-c", liveConfig.toString(), "-g", "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** Asks the master to load the configuration the live link points at (graceful: no request dropped). */
    void reload(ProcessHandle master) throws IOException, InterruptedException {
        if (!master.isAlive()) {
            throw new IOException("nginx (pid " + master.pid() + ") is not running; see " + prefix.resolve("logs/error.log"));
        }
        Command.Result result = Command.run(List.of("kill", "-s", "HUP", Long.toString(master.pid())), 10);
        if (result.status() != 0) {
            throw new IOException("could not signal nginx (pid " + master.pid() + "): " + result.output().strip());
        }
    }

    /** The resident memory of the master and its workers, in KiB, from /proc. */
    static long residentKibibytes(ProcessHandle master) throws IOException {
        long total = 0;
        for (ProcessHandle process : (Iterable<ProcessHandle>) java.util.stream.Stream.concat(
                java.util.stream.Stream.of(master), master.children())::iterator) {
            Path status = Path.of("/proc", Long.toString(process.pid()), "status");
            if (Files.exists(status)) {
                total += Files.readAllLines(status, StandardCharsets.UTF_8).stream()
                        .filter(line -> line.startsWith("VmRSS:"))
                        .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).sum();
            }
        }
        return total;
    }

    /** A short command run to completion, its output and error merged. */
    static final class Command {
        record Result(int status, String output) {}

        private Command() {}

        static Result run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        }
    }
}
