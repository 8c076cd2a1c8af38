package dev.quarry.agent.home;

import static java.util.Objects.requireNonNull;

import dev.quarry.agent.runtime.ContainerId;
import dev.quarry.agent.runtime.RuntimeFailure;
import dev.quarry.compiler.read.Names;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The agent's home folder and what lives where in it. Stack and node names are checked with
 * {@link Names#isName} before they become part of a path.
 *
 * <pre>
 * ssh_host_key                   the agent's host key, made on first start
 * hq.pub                         HQ's public key(s), unless --hq-key names another file
 * agent-id                       a random name for this agent, on its Docker containers' labels
 * state.json                     ports handed out and containers started
 * sources/STACK/RELEASE/         a release's source, as HQ sent it
 * builds/STACK/NODE/RELEASE.log  a release's build output (.done once it succeeded, or reused a build)
 * builds/STACK/artifacts/KEY/    a build kept by its build key (hard links to the release it built)
 * builds/STACK/keys/KEY          the release that built it; holds/RELEASE.KEY: that release's source holds it
 * hooks/STACK/NODE/RELEASE-HOOK.done  a hook that succeeded, with its output
 * logs/STACK/ID.log              a process container's output (ID.log.1 is the older part)
 * stack-users.json               the user id each stack's processes run as
 * homes/STACK/                   a stack's HOME in its sandbox, kept between releases (its user's, 0700)
 * identities/STACK/              the passwd and group its sandbox sees (root's, 0644)
 * </pre>
 */
public record AgentHome(Path root) {
    public AgentHome {
        requireNonNull(root, "root is null");
        root = root.toAbsolutePath().normalize();
    }

    public Path hostKey() {
        return root.resolve("ssh_host_key");
    }

    public Path hqKeys() {
        return root.resolve("hq.pub");
    }

    public Path state() {
        return root.resolve("state.json");
    }

    public Path sources() {
        return root.resolve("sources");
    }

    public Path stackSources(String stack) {
        return sources().resolve(name(stack));
    }

    public Path source(String stack, int release) {
        return stackSources(stack).resolve(Integer.toString(positive(release)));
    }

    public Path build(String stack, String node, int release) {
        return root.resolve("builds").resolve(name(stack)).resolve(name(node)).resolve(positive(release) + ".log");
    }

    public Path hook(String stack, String node, int release, String hook) {
        return root.resolve("hooks").resolve(name(stack)).resolve(name(node))
                .resolve(positive(release) + "-" + name(hook) + ".done");
    }

    public Path stackUsers() {
        return root.resolve("stack-users.json");
    }

    public Path stackIdentity(String stack) {
        return root.resolve("identities").resolve(name(stack));
    }

    public Path stackHome(String stack) {
        return root.resolve("homes").resolve(name(stack));
    }

    public Path log(ContainerId id) {
        return root.resolve("logs").resolve(name(id.stack())).resolve(id + ".log");
    }

    /**
     * Every folder kept for one stack: its sources, builds, hooks, logs, HOME and identity (what destroying it
     * removes; its entry in {@code stack-users.json} stays, so a stack of that name later runs as the same user).
     */
    public java.util.List<Path> stackFolders(String stack) {
        String checked = name(stack);
        return java.util.stream.Stream.of("sources", "builds", "hooks", "logs", "homes", "identities")
                .map(folder -> root.resolve(folder).resolve(checked)).toList();
    }

    /** This agent's random id (8 hex digits), made once and kept in {@code agent-id}. */
    public String agentId() {
        Path file = root.resolve("agent-id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            byte[] random = new byte[4];
            new SecureRandom().nextBytes(random);
            String id = HexFormat.of().formatHex(random);
            Files.createDirectories(root);
            Files.writeString(file, id + "\n", StandardCharsets.US_ASCII);
            return id;
        } catch (IOException e) {
            throw new RuntimeFailure("cannot read or make " + file + ": " + RuntimeFailure.firstLine(e)
                    + "; check the agent's home is writable");
        }
    }

    private static String name(String text) {
        if (!Names.isName(text)) {
            throw new IllegalArgumentException("a stack, node or hook name must be " + Names.NAME_RULE + ", got \""
                    + text + "\"");
        }
        return text;
    }

    private static int positive(int release) {
        if (release < 1) {
            throw new IllegalArgumentException("a release is a number from 1, got " + release);
        }
        return release;
    }
}
