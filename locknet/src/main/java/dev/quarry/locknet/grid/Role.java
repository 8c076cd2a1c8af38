package dev.quarry.locknet.grid;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a host does in the grid; each role opens its own public ports. */
public enum Role {
    /** Runs containers; only SSH and the agent are public. */
    SERVER,
    /** Runs the router (nginx): also accepts HTTP and HTTPS from anywhere. */
    ROUTER,
    /** Runs HQ: also accepts HQ's SSH endpoint (git push and the CLI) from anywhere. */
    HQ;

    /** {@code server}, {@code router} or {@code hq}. */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a role as a user wrote it, case-insensitively. */
    public static Role parse(String input) {
        for (Role role : values()) {
            if (role.displayName().equalsIgnoreCase(input.strip())) {
                return role;
            }
        }
        throw new LocknetInputException("role " + Shown.quoted(input) + " is not one of "
                + Arrays.stream(values()).map(Role::displayName).collect(Collectors.joining(", ")));
    }
}
