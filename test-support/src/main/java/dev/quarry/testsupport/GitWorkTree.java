package dev.quarry.testsupport;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A git work tree driven by the real git CLI, isolated from the user's and the system's config.
 *
 * @param directory the work tree
 * @param home a private HOME for git (no ~/.gitconfig leaks in)
 * @param sshCommand GIT_SSH_COMMAND for pushes, or empty
 */
public record GitWorkTree(Path directory, Path home, String sshCommand) {
    public GitWorkTree {
        requireNonNull(directory, "directory is null");
        requireNonNull(home, "home is null");
        requireNonNull(sshCommand, "sshCommand is null");
    }

    /** {@code git init -b main} in a new folder, with a committer set. */
    public static GitWorkTree init(Path directory, String sshCommand) {
        try {
            Files.createDirectories(directory);
            Path home = Files.createDirectories(directory.resolveSibling(directory.getFileName() + "-home"));
            GitWorkTree tree = new GitWorkTree(directory, home, sshCommand);
            tree.git("init", "-q", "-b", "main");
            tree.git("config", "user.name", "Quarry Test");
            tree.git("config", "user.email", "test@quarry.invalid");
            return tree;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file (creating folders) relative to the work tree. */
    public GitWorkTree write(String path, String content) {
        return write(path, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public GitWorkTree write(String path, byte[] content) {
        try {
            Path file = directory.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stages everything and commits; returns the new commit's id. */
    public String commit(String message) {
        git("add", "-A");
        git("commit", "-q", "--allow-empty", "-m", message);
        return head();
    }

    public String head() {
        return git("rev-parse", "HEAD").stdout().strip();
    }

    /** Runs git and requires success. */
    public CommandResult git(String... arguments) {
        return run(arguments).requireSuccess();
    }

    /** Runs git and returns whatever happened. */
    public CommandResult run(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(arguments));
        return Commands.run(command, directory, environment());
    }

    /** {@code git push URL REFSPEC...}; the result holds the {@code remote:} lines on stderr. */
    public CommandResult push(String url, String... refspecs) {
        List<String> arguments = new ArrayList<>(List.of("push", url));
        arguments.addAll(List.of(refspecs));
        return run(arguments.toArray(String[]::new));
    }

    /** The environment git runs with: private HOME, no system config, no prompts, C locale. */
    public Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("HOME", home.toString());
        environment.put("GIT_CONFIG_NOSYSTEM", "1");
        environment.put("GIT_TERMINAL_PROMPT", "0");
        environment.put("LC_ALL", "C");
        if (!sshCommand.isEmpty()) {
            environment.put("GIT_SSH_COMMAND", sshCommand);
        }
        return environment;
    }

    /** The lines a server sent through the side band, without git's {@code remote: } prefix. */
    public static List<String> remoteLines(CommandResult push) {
        return push.stderrLines().stream()
                .filter(line -> line.startsWith("remote:"))
                .map(line -> line.substring("remote:".length()).stripTrailing())
                .map(line -> line.startsWith(" ") ? line.substring(1) : line)
                .toList();
    }
}
