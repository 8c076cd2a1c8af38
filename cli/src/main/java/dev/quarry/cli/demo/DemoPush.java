package dev.quarry.cli.demo;

import dev.quarry.cli.local.Programs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Pushes the example with the real git and OpenSSH, as a user would: a key of the demo's own (made with
 * ssh-keygen, trusted as keys/demo.pub) and a known_hosts holding HQ's host key.
 */
final class DemoPush {
    private final Path folder;
    private final Map<String, String> environment;

    private DemoPush(Path folder, Map<String, String> environment) {
        this.folder = folder;
        this.environment = environment;
    }

    static DemoPush prepare(Path demoFolder, Path keysFolder, String hostKnownLine) throws IOException,
            InterruptedException {
        Files.createDirectories(demoFolder);
        Path key = Programs.ensureKey(demoFolder.resolve("demo_key"), "quarry-demo");
        Files.copy(demoFolder.resolve("demo_key.pub"), keysFolder.resolve("demo.pub"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path knownHosts = Files.writeString(demoFolder.resolve("known_hosts"), hostKnownLine + "\n");
        return new DemoPush(demoFolder.resolve("hello"), Programs.gitEnvironment(key, knownHosts));
    }

    /** Writes the example, commits it, and pushes it to HQ; answers git's output. */
    String push(String remoteUrl) throws IOException, InterruptedException {
        BundledExample.writeTo(folder);
        if (!Files.isDirectory(folder.resolve(".git"))) {
            run(folder, environment, "git", "init", "-q", "-b", "main");
            run(folder, environment, "git", "remote", "add", "quarry", remoteUrl);
        }
        run(folder, environment, "git", "add", "-A");
        run(folder, environment, "git", "commit", "-q", "--allow-empty", "-m", "quarry demo");
        return run(folder, environment, "git", "push", "quarry", "main");
    }

    private static String run(Path folder, Map<String, String> environment, String... command) throws IOException,
            InterruptedException {
        return Programs.run(folder, environment, command);
    }
}
