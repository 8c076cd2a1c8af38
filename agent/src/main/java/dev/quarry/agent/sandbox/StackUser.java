package dev.quarry.agent.sandbox;

import static java.util.Objects.requireNonNull;

/**
 * The unprivileged user a stack's processes run as on this server; its group has the same number.
 *
 * @param stack the stack's name
 * @param id its user and group id, from {@link StackUsers#FIRST} on
 */
public record StackUser(String stack, long id) {
    public StackUser {
        requireNonNull(stack, "stack is null");
        if (id < StackUsers.FIRST || id > StackUsers.LAST) {
            throw new IllegalArgumentException("a stack user id is from " + StackUsers.FIRST + " to " + StackUsers.LAST
                    + ", got " + id);
        }
    }
}
