package dev.quarry.cli.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
        Path key = demoFolder.resolve("demo_key");
        if (!Files.exists(key)) {
            run(demoFolder, Map.of(), "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "quarry-demo", "-f", key.toString());
        }
        Files.copy(demoFolder.resolve("demo_key.pub"), keysFolder.resolve("demo.pub"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path knownHosts = Files.writeString(demoFolder.resolve("known_hosts"), hostKnownLine + "\n");
        Map<String, String> environment = Map.of("GIT_SSH_COMMAND", "ssh -F /dev/null -i " + key
                + " -o IdentitiesOnly=yes -o BatchMode=yes -o UserKnownHostsFile=" + knownHosts
                + " -o StrictHostKeyChecking=yes", "GIT_AUTHOR_NAME", "Quarry demo", "GIT_AUTHOR_EMAIL",
                "demo@quarry.invalid", "GIT_COMMITTER_NAME", "Quarry demo", "GIT_COMMITTER_EMAIL", "demo@quarry.invalid");
        return new DemoPush(demoFolder.resolve("hello"), environment);
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
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            List<String> lines = new ArrayList<>(output.lines().toList());
            throw new IOException(String.join(" ", command) + " failed: "
                    + (lines.isEmpty() ? "no output" : lines.getLast()));
        }
        return output;
    }
}
