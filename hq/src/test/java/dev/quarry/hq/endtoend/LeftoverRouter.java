package dev.quarry.hq.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Stops, by the PID in its folder's nginx.pid, a router nginx a test's killed HQ may have left running: the master
 * and its workers.
 */
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
        var master = ProcessHandle.of(Long.parseLong(pid));
        if (master.isEmpty() || !Files.readString(Path.of("/proc", pid, "cmdline")).contains(prefix.toString())) {
            return;
        }
        // The workers are not told when their master is killed: they would go on listening. Kill them too.
        List<ProcessHandle> workers = master.get().descendants().toList();
        master.get().destroyForcibly();
        workers.forEach(ProcessHandle::destroyForcibly);
        master.get().onExit().join();
        workers.forEach(worker -> worker.onExit().join());
    }
}
