package dev.quarry.agent.sandbox;

import dev.quarry.agent.runtime.RuntimeFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Wraps a shell command in bubblewrap: new PID, IPC, UTS and mount namespaces; the system folders
 * read-only; the release at {@code /app} (writable only for a build); the stack's home at
 * {@code /home/app}; a private {@code /tmp}; nothing else of the host's files (no /root, /home, other
 * stacks or Quarry's homes). Inside, {@code setpriv} becomes the stack's user with no capabilities and
 * no_new_privs before the command runs; its {@code /etc/passwd} and {@code /etc/group} name only root, nobody
 * and that user ({@link SandboxIdentity}), whose home is the stack's. The host network is kept. The outer bwrap is the process group
 * leader the agent records: killing the group kills the sandbox's PID 1, and with it every process in
 * it. No {@code --die-with-parent}: containers outlive an agent restart.
 *
 * <p>Made once per agent by {@link #detect}, which refuses (never degrades) when the agent is not root,
 * bwrap or setpriv is missing, or the kernel refuses the namespaces.
 */
public final class Sandbox {
    /** Where the release is seen inside, and the working folder. */
    public static final String RELEASE = "/app";
    /** Where the stack's home is seen inside; HOME points there. */
    public static final String HOME = "/home/app";
    private static final List<String> SYSTEM_FOLDERS = List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64",
            "/libx32", "/etc", "/opt");
    private static final List<String> NAMESPACES = List.of("--unshare-pid", "--unshare-ipc", "--unshare-uts",
            "--unshare-cgroup-try");

    private final String unavailable;
    private final List<String> systemMounts;

    private Sandbox(String unavailable, List<String> systemMounts) {
        this.unavailable = unavailable;
        this.systemMounts = systemMounts;
    }

    /**
     * Checks this machine can sandbox, finding bwrap and setpriv on {@code searchPath} (PATH);
     * {@code hidden} are folders masked even when inside a system folder (the agent's home).
     */
    public static Sandbox detect(List<Path> hidden, String searchPath) {
        List<String> mounts = systemMounts(hidden);
        return new Sandbox(SandboxProbe.problem(mounts, searchPath).orElse(null), mounts);
    }

    /** {@link #detect} with the agent's own PATH. */
    public static Sandbox detect(List<Path> hidden) {
        return detect(hidden, System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"));
    }

    /** Why process containers cannot run here, or empty when they can. */
    public Optional<String> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    /** Throws the one-line reason when process containers cannot run here. */
    public void require() {
        if (unavailable != null) {
            throw new RuntimeFailure(unavailable);
        }
    }

    /** The command line that runs {@code sh -c command} confined. */
    public List<String> command(Confinement confinement, String command) {
        require();
        List<String> line = new ArrayList<>(List.of("bwrap"));
        line.addAll(NAMESPACES);
        line.addAll(systemMounts);
        line.addAll(List.of("--ro-bind", confinement.identity().resolve("passwd").toString(), "/etc/passwd",
                "--ro-bind", confinement.identity().resolve("group").toString(), "/etc/group"));
        line.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--perms", "1777", "--tmpfs", "/tmp",
                "--perms", "1777", "--tmpfs", "/var/tmp",
                "--perms", "0755", "--dir", "/home", "--bind", confinement.home().toString(), HOME,
                confinement.releaseWritable() ? "--bind" : "--ro-bind", confinement.release().toString(), RELEASE,
                "--chdir", RELEASE, "--setenv", "HOME", HOME, "--hostname", confinement.user().stack(), "--"));
        String id = Long.toString(confinement.user().id());
        line.addAll(List.of("setpriv", "--reuid", id, "--regid", id, "--clear-groups", "--no-new-privs",
                "--inh-caps=-all", "--bounding-set=-all", "sh", "-c", command));
        return line;
    }

    /** Bind mounts of the system folders there are (symlinks kept as symlinks), and tmpfs over {@code hidden}. */
    private static List<String> systemMounts(List<Path> hidden) {
        List<String> mounts = new ArrayList<>();
        for (String folder : SYSTEM_FOLDERS) {
            Path path = Path.of(folder);
            try {
                if (Files.isSymbolicLink(path)) {
                    mounts.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), folder));
                } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    mounts.addAll(List.of("--ro-bind", folder, folder));
                }
            } catch (IOException e) {
                // an unreadable system folder is left out
            }
        }
        mounts.addAll(resolverMount());
        for (Path folder : hidden) {
            Path absolute = folder.toAbsolutePath().normalize();
            if (SYSTEM_FOLDERS.stream().anyMatch(system -> absolute.startsWith(system))) {
                mounts.addAll(List.of("--tmpfs", absolute.toString()));
            }
        }
        return List.copyOf(mounts);
    }

    /** /etc/resolv.conf often links to /run, which is not shown: that one file is. */
    private static List<String> resolverMount() {
        Path resolver = Path.of("/etc/resolv.conf");
        try {
            if (!Files.isSymbolicLink(resolver)) {
                return List.of();
            }
            Path target = resolver.toRealPath();
            if (SYSTEM_FOLDERS.stream().anyMatch(system -> target.startsWith(system))) {
                return List.of();
            }
            return List.of("--ro-bind", target.toString(), target.toString());
        } catch (IOException e) {
            return List.of();
        }
    }
}
