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
 * @param notes what its agent said about it when it started, such as a limit the server cannot enforce
 * @param unreached whether its server's agent could not be reached (nothing is known of the app)
 */
public record Booted(Placed placed, boolean healthy, String reason, List<String> logs, List<String> notes,
        boolean unreached) {
    public Booted {
        requireNonNull(placed, "placed is null");
        requireNonNull(reason, "reason is null");
        logs = List.copyOf(logs);
        notes = List.copyOf(notes);
    }

    /** One push line per note: {@code -----> shop.web.3.1 on s1: memory limit not enforced: ...}. */
    public List<String> noteLines() {
        return notes.stream().map(note -> "-----> " + placed.plan().id() + " on " + placed.server().id() + ": " + note)
                .toList();
    }

    public Booted(Placed placed, boolean healthy, String reason, List<String> logs) {
        this(placed, healthy, reason, logs, List.of(), false);
    }

    /** The container could not be started or checked because its server's agent did not answer. */
    public static Booted unreached(Placed placed, String reason) {
        return new Booted(placed, false, reason, List.of(), List.of(), true);
    }

    /** The failure as a launch reports it, naming the container and its server. */
    public LaunchFailure failure() {
        if (unreached) {
            return new LaunchFailure(placed.plan().target() + ": " + placed.plan().id() + " could not be started on "
                    + placed.server().id() + ": its agent is unreachable (" + reason + "); HQ takes a server whose"
                    + " agent stays silent off the grid after the server TTL (quarry servers shows it), push again"
                    + " then", List.of());
        }
        return new LaunchFailure(placed.plan().target() + ": " + placed.plan().id() + " on "
                + placed.server().id() + " is not healthy: " + reason
                + "; fix the app or its health settings in quarry.yml and push again", logs);
    }
}
