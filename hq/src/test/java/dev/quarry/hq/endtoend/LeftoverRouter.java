package dev.quarry.hq.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Stops, by the PID in its folder's nginx.pid, a router nginx a test's killed HQ may have left running. */
final class LeftoverRouter {
    private LeftoverRouter() {}

    static void stop(Path prefix) throws IOException, InterruptedException {
        Path pidFile = prefix.resolve("nginx.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        String pid = Files.readString(pidFile).strip();
        if (!pid.matches("[0-9]{1,10}")) {
            return;
        }
        var process = ProcessHandle.of(Long.parseLong(pid));
        if (process.isPresent() && Files.readString(Path.of("/proc", pid, "cmdline")).contains(prefix.toString())) {
            process.get().destroyForcibly();
            process.get().onExit().join();
        }
    }
}
