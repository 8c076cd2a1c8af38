package dev.quarry.testsupport;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A network namespace a test made ({@code ip netns add}); commands run inside it through {@code ip netns exec},
 * so its interfaces, addresses and iptables are its own and the machine's stay untouched. Needs root.
 *
 * @param name the namespace's name, at most 12 characters so interface names made from it fit
 */
public record NetworkNamespace(String name) {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public NetworkNamespace {
        requireNonNull(name, "name is null");
        if (!name.matches("[a-z][a-z0-9-]{0,11}")) {
            throw new IllegalArgumentException("a namespace name here is 1 to 12 of a-z, 0-9, '-', got " + name);
        }
    }

    /** {@code prefix} and six random letters or digits, so parallel runs never collide. */
    public static String uniqueName(String prefix) {
        StringBuilder name = new StringBuilder(prefix);
        for (int index = 0; index < 6; index++) {
            name.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return name.toString();
    }

    /** Creates it with its loopback up; fails the test (never skips it) when that is impossible. */
    public static NetworkNamespace create(String name) {
        NetworkNamespace namespace = new NetworkNamespace(name);
        CommandResult added = onMachine(List.of("ip", "netns", "add", name));
        if (!added.succeeded()) {
            throw new AssertionError("cannot create network namespace " + name + " (these tests need root and"
                    + " iproute2's ip netns): " + added.stderr().strip());
        }
        namespace.mustRun("ip", "link", "set", "lo", "up");
        return namespace;
    }

    /** The command, prefixed so it runs inside this namespace. */
    public List<String> inside(List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(command);
        return full;
    }

    /** Runs a command inside to its end (at most 20 s) and returns how it went. */
    public CommandResult run(String... command) {
        return onMachine(inside(List.of(command)));
    }

    /** Runs a command inside; the test fails unless it succeeds. Answers its standard output. */
    public String mustRun(String... command) {
        CommandResult result = run(command);
        if (!result.succeeded()) {
            throw new AssertionError("cannot run " + String.join(" ", command) + " in namespace " + name + ": "
                    + result.stderr().strip());
        }
        return result.stdout();
    }

    /**
     * Its IPv4 and IPv6 filter tables as iptables-save and ip6tables-save print them, without comments and with
     * counters zeroed, so two readings compare equal when the rules are the same.
     */
    public String filterRules() {
        StringBuilder rules = new StringBuilder();
        for (String tool : List.of("iptables-save", "ip6tables-save")) {
            mustRun(tool, "-t", "filter").lines().filter(line -> !line.startsWith("#"))
                    .map(line -> line.replaceAll("\\[\\d+:\\d+]", "[0:0]"))
                    .forEach(line -> rules.append(line).append('\n'));
        }
        return rules.toString();
    }

    /** Deletes it; a process still inside keeps it alive, so stop those first. Answers whether it went. */
    public boolean delete() {
        return onMachine(List.of("ip", "netns", "delete", name)).succeeded();
    }

    static CommandResult onMachine(List<String> command) {
        return Commands.run(command, Path.of(System.getProperty("java.io.tmpdir")), Map.of(), COMMAND_TIMEOUT);
    }
}
