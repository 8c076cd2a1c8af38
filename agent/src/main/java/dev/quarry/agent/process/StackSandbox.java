package dev.quarry.agent.process;

import dev.quarry.agent.home.AgentHome;
import dev.quarry.agent.runtime.RuntimeFailure;
import dev.quarry.agent.sandbox.Confinement;
import dev.quarry.agent.sandbox.Sandbox;
import dev.quarry.agent.sandbox.SandboxIdentity;
import dev.quarry.files.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import dev.quarry.agent.sandbox.StackUser;
import dev.quarry.agent.sandbox.StackUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

/**
 * A stack's commands in the sandbox: as its user, its release handed to that user (once per release,
 * before its build) and its home made, owned by that user, mode 0700.
 */
final class StackSandbox {
    private final AgentHome home;
    private final Sandbox sandbox;
    private final StackUsers users;
    private final ConcurrentMap<Path, Object> locks = new ConcurrentHashMap<>();
    /** The identity folders checked since this agent started: each is read (and written if stale) once. */
    private final java.util.Set<Path> identities = ConcurrentHashMap.newKeySet();

    StackSandbox(AgentHome home, Sandbox sandbox) {
        this.home = home;
        this.sandbox = sandbox;
        this.users = StackUsers.open(home.stackUsers(), home.agentId());
    }

    Sandbox sandbox() {
        return sandbox;
    }

    /** The command line running {@code sh -c command} in the stack's sandbox over {@code release}. */
    List<String> command(String stack, Path release, boolean releaseWritable, String command) {
        sandbox.require();
        StackUser user = users.of(stack);
        try {
            own(release, user);
            Path stackHome = stackHome(user);
            return sandbox.command(new Confinement(user, release, releaseWritable, stackHome, identity(user)), command);
        } catch (IOException e) {
            throw new RuntimeFailure("cannot hand " + release + " to the user of stack " + stack + ": "
                    + RuntimeFailure.firstLine(e) + "; check the agent runs as root", e);
        }
    }

    private Path stackHome(StackUser user) throws IOException {
        Path folder = home.stackHome(user.stack());
        synchronized (locks.computeIfAbsent(folder, key -> new Object())) {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder.getParent());
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
                setOwner(folder, user);
            }
        }
        return folder;
    }

    /**
     * The folder holding the passwd and group the stack's sandbox sees, written when missing or stale; read once
     * per agent run (a stack's user never changes), after that only seen to still be there (a destroyed stack's
     * folder goes).
     */
    private Path identity(StackUser user) throws IOException {
        Path folder = home.stackIdentity(user.stack());
        if (identities.contains(folder) && Files.isRegularFile(folder.resolve("group"), LinkOption.NOFOLLOW_LINKS)) {
            return folder;
        }
        SandboxIdentity identity = new SandboxIdentity(user);
        synchronized (locks.computeIfAbsent(folder, key -> new Object())) {
            writeWhenChanged(folder.resolve("passwd"), identity.passwd());
            writeWhenChanged(folder.resolve("group"), identity.group());
            identities.add(folder);
        }
        return folder;
    }

    private static void writeWhenChanged(Path file, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Arrays.equals(Files.readAllBytes(file), bytes)) {
            return;
        }
        AtomicFiles.createFolders(file.getParent());
        AtomicFiles.write(file, bytes);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }

    /** Gives the release's files to the stack's user, the folder itself last: an owned folder is done. */
    private void own(Path release, StackUser user) throws IOException {
        synchronized (locks.computeIfAbsent(release, key -> new Object())) {
            if (owner(release) == user.id()) {
                return;
            }
            try (Stream<Path> paths = Files.walk(release)) {
                for (Path path : paths.filter(path -> !path.equals(release)).toList()) {
                    setOwner(path, user);
                }
            }
            setOwner(release, user);
        }
    }

    private static long owner(Path path) throws IOException {
        return ((Number) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
    }

    private static void setOwner(Path path, StackUser user) throws IOException {
        Files.setAttribute(path, "unix:gid", (int) user.id(), LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:uid", (int) user.id(), LinkOption.NOFOLLOW_LINKS);
    }
}
