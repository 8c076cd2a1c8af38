package dev.quarry.agent.sandbox;

import static java.util.Objects.requireNonNull;

/**
 * The {@code /etc/passwd} and {@code /etc/group} a sandbox sees: root, nobody and the stack's user, named
 * {@code app}, whose home is {@link Sandbox#HOME}. Tools that ask the system for the user's home rather than
 * reading HOME (Java's {@code user.home}, hence Maven's {@code ~/.m2}; ssh; pip) find the stack's kept home, and
 * the host's own users stay unseen.
 *
 * @param user the stack's user
 */
public record SandboxIdentity(StackUser user) {
    /** The user name the stack's user has inside. */
    public static final String NAME = "app";

    public SandboxIdentity {
        requireNonNull(user, "user is null");
    }

    public String passwd() {
        return "root:x:0:0:root:/root:/usr/sbin/nologin\n"
                + "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"
                + NAME + ":x:" + user.id() + ":" + user.id() + ":stack " + user.stack() + ":" + Sandbox.HOME
                + ":/bin/sh\n";
    }

    public String group() {
        return "root:x:0:\nnogroup:x:65534:\n" + NAME + ":x:" + user.id() + ":\n";
    }
}
