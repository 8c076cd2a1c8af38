package dev.quarry.agent.hook;

import static java.util.Objects.requireNonNull;

import dev.quarry.agent.runtime.PrepareRequest;
import dev.quarry.agent.runtime.Quoted;
import dev.quarry.compiler.read.Names;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * A release's hook to run once, such as {@code hooks: {release: ./migrate}}.
 *
 * @param name the hook's name, such as {@code release}
 * @param prepare the node's release: where its source is, and its image for docker
 * @param command the command ({@code sh -c}), run in the release's source (process) or in its image (docker)
 * @param env its environment
 * @param host the server's address, given as HOST
 * @param timeout how long it may run before it is killed
 */
public record HookRequest(String name, PrepareRequest prepare, String command, Map<String, String> env, String host,
        Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    public HookRequest {
        if (!Names.isName(name)) {
            throw new IllegalArgumentException("a hook's name must be " + Names.NAME_RULE + ", got " + Quoted.of(name));
        }
        requireNonNull(prepare, "prepare is null");
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("hook " + name + " needs a command");
        }
        env = env == null ? Map.of() : new TreeMap<>(env);
        requireNonNull(host, "host is null");
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a hook's timeout must be positive, got " + timeout);
        }
    }

    /** {@code shop/web release 3 hook release}, the key a hook runs once under. */
    public String describe() {
        return prepare.describe() + " hook " + name;
    }
}
