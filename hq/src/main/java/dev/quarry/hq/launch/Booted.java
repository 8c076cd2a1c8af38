package dev.quarry.hq.launch;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How starting one container went.
 *
 * @param placed the container and its server
 * @param healthy whether it started and passed its health check by its deadline
 * @param reason why not, one line; empty when healthy
 * @param logs its last log lines when it is not healthy
 */
public record Booted(Placed placed, boolean healthy, String reason, List<String> logs) {
    public Booted {
        requireNonNull(placed, "placed is null");
        requireNonNull(reason, "reason is null");
        logs = List.copyOf(logs);
    }

    /** The failure as a launch reports it, naming the container and its server. */
    public LaunchFailure failure() {
        return new LaunchFailure(placed.plan().target() + ": " + placed.plan().id() + " on "
                + placed.server().id() + " is not healthy: " + reason
                + "; fix the app or its health settings in quarry.yml and push again", logs);
    }
}
