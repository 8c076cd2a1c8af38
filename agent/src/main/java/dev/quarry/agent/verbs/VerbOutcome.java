package dev.quarry.agent.verbs;

import static java.util.Objects.requireNonNull;

/**
 * How a verb ended: exit status 0 with its JSON answer for stdout, or 1 (it failed) or 2 (the
 * request was refused) with a one-line JSON error for stderr.
 *
 * @param exitCode 0, 1 or 2
 * @param json one line of JSON
 */
public record VerbOutcome(int exitCode, String json) {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int REFUSED = 2;

    public VerbOutcome {
        requireNonNull(json, "json is null");
    }

    public boolean succeeded() {
        return exitCode == OK;
    }
}
