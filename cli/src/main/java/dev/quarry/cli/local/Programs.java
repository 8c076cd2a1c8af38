package dev.quarry.cli.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The programs users have that Quarry drives for them here: git, and ssh-keygen for keys of its own. */
public final class Programs {
    private Programs() {}

    /** Runs a command to completion; its output, or a one-line failure with its last line. */
    public static String run(Path folder, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            List<String> lines = output.lines().toList();
            throw new IOException(String.join(" ", command) + " failed: " + (lines.isEmpty() ? "no output" : lines.getLast()));
        }
        return output;
    }

    /** An unencrypted ed25519 key at {@code key} (and key.pub), made once with ssh-keygen. */
    public static Path ensureKey(Path key, String comment) throws IOException, InterruptedException {
        if (!Files.exists(key)) {
            Files.createDirectories(key.getParent());
            run(key.getParent(), Map.of(), "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", key.toString());
        }
        return key;
    }

    /** The environment git needs to push with this key to an HQ whose host key is in {@code knownHosts}. */
    public static Map<String, String> gitEnvironment(Path key, Path knownHosts) {
        return Map.of("GIT_SSH_COMMAND", "ssh -F /dev/null -i " + key + " -o IdentitiesOnly=yes -o BatchMode=yes"
                        + " -o UserKnownHostsFile=" + knownHosts + " -o StrictHostKeyChecking=yes",
                "GIT_AUTHOR_NAME", "Quarry", "GIT_AUTHOR_EMAIL", "quarry@localhost.invalid",
                "GIT_COMMITTER_NAME", "Quarry", "GIT_COMMITTER_EMAIL", "quarry@localhost.invalid");
    }
}
