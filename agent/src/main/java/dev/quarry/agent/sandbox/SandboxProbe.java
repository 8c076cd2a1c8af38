package dev.quarry.agent.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether this machine can make the sandbox: the agent runs as root (it must switch to each stack's user),
 * bwrap and setpriv are installed, and a trial sandbox with the same namespaces and mounts runs. The
 * answer is the one line a user sees when process containers are refused.
 */
final class SandboxProbe {
    private static final String HOW = "; process containers are refused until then (never run unsandboxed)";

    private SandboxProbe() {}

    static Optional<String> problem(List<String> systemMounts, String searchPath) {
        if (!runningAsRoot()) {
            return Optional.of("process containers need the agent to run as root, which runs each stack as its own"
                    + " unprivileged user in a bubblewrap sandbox; start the agent as root" + HOW);
        }
        for (String tool : List.of("bwrap", "setpriv")) {
            if (onPath(tool, searchPath).isEmpty()) {
                String fix = tool.equals("bwrap") ? "install bubblewrap (apt-get install bubblewrap)"
                        : "install util-linux";
                return Optional.of("process containers run in a bubblewrap sandbox and " + tool
                        + " is not installed; " + fix + " and restart the agent" + HOW);
            }
        }
        return trial(systemMounts);
    }

    private static Optional<String> trial(List<String> systemMounts) {
        List<String> command = new ArrayList<>(List.of("bwrap", "--unshare-pid", "--unshare-ipc", "--unshare-uts"));
        command.addAll(systemMounts);
        command.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--", "setpriv", "--reuid",
                Long.toString(StackUsers.FIRST), "--regid", Long.toString(StackUsers.FIRST), "--clear-groups",
                "--no-new-privs", "true"));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            byte[] output = process.getInputStream().readNBytes(4096);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of("a trial bubblewrap sandbox did not finish in 30 s" + HOW);
            }
            if (process.exitValue() == 0) {
                return Optional.empty();
            }
            String said = new String(output, StandardCharsets.UTF_8).strip().lines().findFirst().orElse("no output");
            return Optional.of("the kernel refuses the sandbox's namespaces (bwrap: " + said + "); allow PID, IPC,"
                    + " UTS and mount namespaces for root (in a container: give it CAP_SYS_ADMIN or an unconfined"
                    + " seccomp profile) and restart the agent" + HOW);
        } catch (IOException e) {
            return Optional.of("cannot run bwrap for a trial sandbox (" + e.getMessage() + "); install bubblewrap"
                    + HOW);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("the trial sandbox was interrupted; restart the agent");
        }
    }

    private static boolean runningAsRoot() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue() == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Optional<Path> onPath(String tool, String searchPath) {
        for (String folder : searchPath.split(":")) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, tool);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
