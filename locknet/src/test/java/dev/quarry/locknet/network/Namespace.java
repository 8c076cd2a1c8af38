package dev.quarry.locknet.network;

import dev.quarry.locknet.apply.CommandResult;
import dev.quarry.locknet.apply.CommandRunner;
import dev.quarry.locknet.apply.ProcessCommandRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A network namespace a test made; commands run inside it through {@code ip netns exec}. */
public record Namespace(String name) {
    private static final CommandRunner RUNNER = new ProcessCommandRunner(Duration.ofSeconds(20));

    /** Creates the namespace with its loopback up; fails the test (never skips) when that is impossible. */
    static Namespace create(String name) {
        Namespace namespace = new Namespace(name);
        mustRun(List.of("ip", "netns", "add", name), "create network namespace " + name
                + " (the locknet tests need root and ip netns)");
        namespace.mustRun("ip", "link", "set", "lo", "up");
        return namespace;
    }

    void delete() {
        runOnHost(List.of("ip", "netns", "delete", name));
    }

    /** The command, prefixed so it runs inside this namespace. */
    public List<String> inside(List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(command);
        return full;
    }

    /** Runs a command inside; the test fails if it does not succeed. */
    public String mustRun(String... command) {
        return mustRun(inside(List.of(command)), String.join(" ", command) + " in " + name);
    }

    /** Runs a command inside and returns how it went. */
    public CommandResult run(String... command) {
        return runOnHost(inside(List.of(command)));
    }

    /** A command runner whose every command runs inside this namespace, for an {@code Iptables}. */
    public CommandRunner runner() {
        return (command, input) -> RUNNER.run(inside(command), input);
    }

    private static String mustRun(List<String> command, String what) {
        CommandResult result = runOnHost(command);
        if (!result.succeeded()) {
            throw new AssertionError("cannot " + what + ": " + result.errorLine());
        }
        return result.output();
    }

    private static CommandResult runOnHost(List<String> command) {
        try {
            return RUNNER.run(command, "");
        } catch (IOException broken) {
            throw new UncheckedIOException("cannot run " + command, broken);
        }
    }
}
