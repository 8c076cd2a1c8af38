package dev.quarry.router.apply;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An nginx master already serving a router folder (an earlier HQ was killed or crashed; nginx lives
 * on): found by the PID in the folder's {@code nginx.pid} and checked, from /proc, to be an nginx run
 * with that folder as its prefix, so no other process is ever taken for it.
 */
final class RunningMaster {
    private RunningMaster() {}

    static Optional<ProcessHandle> of(Path prefix) throws IOException {
        Path pidFile = prefix.resolve("nginx.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        String text = Files.readString(pidFile, StandardCharsets.US_ASCII).strip();
        if (!text.matches("[0-9]{1,10}")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(text)).filter(ProcessHandle::isAlive)
                .filter(handle -> isNginxOf(handle, prefix));
    }

    /** nginx's master retitles itself {@code nginx: master process nginx -p PREFIX/ ...}; either form is ours. */
    private static boolean isNginxOf(ProcessHandle process, Path prefix) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            String commandLine = " " + new String(raw, StandardCharsets.UTF_8).replace('\0', ' ') + " ";
            return commandLine.contains("nginx") && commandLine.contains(" -p " + prefix + "/ ");
        } catch (IOException e) {
            return false;
        }
    }
}
