package dev.quarry.hq.launch;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How starting one container went.
 *
 * @param placed the container and its server
 * @param healthy whether it started and passed its health check by its deadline
 * @param reason why not, one line; empty when healthy
 * @param logs its last log lines when it is not healthy (a failed build: its first error lines and last lines)
 * @param notes what its agent said about it when it started, such as a limit the server cannot enforce
 * @param failed how it failed; {@link Failed#NOT} when healthy
 */
public record Booted(Placed placed, boolean healthy, String reason, List<String> logs, List<String> notes,
        Failed failed) {
    /** What kind of failure: only a health check's deserves advice about health settings. */
    public enum Failed {
        /** It is healthy. */
        NOT,
        /** Its release's build failed on its server. */
        BUILD,
        /** The agent could not start it. */
        START,
        /** It exited (or exited again and again) before it was healthy. */
        ENDED,
        /** It ran but gave no healthy answer by its deadline. */
        HEALTH,
        /** Its server's agent could not be reached: nothing is known of the app. */
        UNREACHED
    }

    public Booted {
        requireNonNull(placed, "placed is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(failed, "failed is null");
        logs = List.copyOf(logs);
        notes = List.copyOf(notes);
    }

    /** One push line per note: {@code -----> shop.web.3.1 on s1: memory limit not enforced: ...}. */
    public List<String> noteLines() {
        return notes.stream().map(note -> "-----> " + placed.plan().id() + " on " + placed.server().id() + ": " + note)
                .toList();
    }

    /** A container that is healthy, or failed its health check. */
    public Booted(Placed placed, boolean healthy, String reason, List<String> logs) {
        this(placed, healthy, reason, logs, List.of(), healthy ? Failed.NOT : Failed.HEALTH);
    }

    /** The container could not be started or checked because its server's agent did not answer. */
    public static Booted unreached(Placed placed, String reason) {
        return new Booted(placed, false, reason, List.of(), List.of(), Failed.UNREACHED);
    }

    /** The failure as a launch reports it, naming the container and its server; advice fitting what failed. */
    public LaunchFailure failure() {
        String where = placed.plan().target() + ": ";
        String container = placed.plan().id() + " on " + placed.server().id();
        String line = switch (failed) {
            case BUILD -> where + reason + " on " + placed.server().id();
            case UNREACHED -> where + placed.plan().id() + " could not be started on " + placed.server().id()
                    + ": its agent is unreachable (" + reason + "); HQ takes a server whose agent stays silent off"
                    + " the grid after the server TTL (quarry servers shows it), push again then";
            case START -> where + container + " did not start: " + reason;
            case ENDED -> where + container + " is not healthy: " + reason + "; fix the app (its last lines follow)"
                    + " and push again";
            case HEALTH, NOT -> where + container + " is not healthy: " + reason
                    + "; fix the app or its health settings in quarry.yml and push again";
        };
        return new LaunchFailure(line, logs);
    }
}
