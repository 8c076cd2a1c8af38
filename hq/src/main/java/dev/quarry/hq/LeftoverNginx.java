package dev.quarry.hq;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's nginx outlives an HQ killed with -9 (it keeps serving meanwhile). Before HQ starts its
 * router again, that nginx, found by the PID in the router folder's {@code nginx.pid} and checked to
 * be an nginx of that folder, is stopped so the new one can listen.
 */
final class LeftoverNginx {
    private static final Logger LOG = LoggerFactory.getLogger(LeftoverNginx.class);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private LeftoverNginx() {}

    static void stop(Path prefix) throws IOException {
        Optional<ProcessHandle> master = master(prefix);
        if (master.isEmpty()) {
            return;
        }
        LOG.info("stopping the nginx (pid {}) an earlier HQ left running in {}", master.get().pid(), prefix);
        master.get().destroy();
        try {
            master.get().onExit().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            master.get().destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the earlier nginx in " + prefix, e);
        }
    }

    private static Optional<ProcessHandle> master(Path prefix) throws IOException {
        Path pidFile = prefix.resolve("nginx.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        String text = Files.readString(pidFile, StandardCharsets.US_ASCII).strip();
        if (!text.matches("[0-9]{1,10}")) {
            return Optional.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(text));
        return process.filter(handle -> isOurNginx(handle, prefix));
    }

    private static boolean isOurNginx(ProcessHandle process, Path prefix) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            String commandLine = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
            return commandLine.contains("nginx") && commandLine.contains(prefix.toString());
        } catch (IOException e) {
            return false;
        }
    }
}
