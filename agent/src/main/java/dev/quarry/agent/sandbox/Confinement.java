package dev.quarry.agent.sandbox;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * What one sandboxed command may see besides the system: its release (at {@link Sandbox#RELEASE}) and its
 * stack's home (at {@link Sandbox#HOME}), as its stack's user.
 *
 * @param user the stack's user
 * @param release the release's source folder on the host
 * @param releaseWritable true for a build, false at run time (containers, hooks)
 * @param home the stack's home folder on the host, kept between releases
 * @param identity the folder on the host holding the {@code passwd} and {@code group} the sandbox sees
 *     ({@link SandboxIdentity})
 */
public record Confinement(StackUser user, Path release, boolean releaseWritable, Path home, Path identity) {
    public Confinement {
        requireNonNull(user, "user is null");
        requireNonNull(release, "release is null");
        requireNonNull(home, "home is null");
        requireNonNull(identity, "identity is null");
    }
}
