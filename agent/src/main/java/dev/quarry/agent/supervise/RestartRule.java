package dev.quarry.agent.supervise;

import dev.quarry.compiler.spec.RestartPolicy;
import dev.quarry.compiler.spec.RestartSpec;
import java.time.Duration;

/**
 * The restart policy as a pure function: always, on-failure or never; {@code max} restarts in a row
 * (0 = no limit); waits of {@code backoff} doubling after each restart, capped at 5 minutes; a
 * container that stayed up 10 minutes starts a fresh row (backoff and max count from zero again).
 */
public final class RestartRule {
    public static final Duration LONGEST_BACKOFF = Duration.ofMinutes(5);
    public static final Duration FRESH_AFTER = Duration.ofMinutes(10);

    private RestartRule() {}

    /**
     * @param spec the container's restart spec
     * @param exitCode its exit status, or null when unknown (counted as a failure)
     * @param inARow restarts in a row before this exit
     * @param upFor how long it ran before it exited
     */
    public static RestartDecision decide(RestartSpec spec, Integer exitCode, int inARow, Duration upFor) {
        String exit = exitCode == null ? "exited (status unknown)" : "exited with status " + exitCode;
        if (spec.policy() == RestartPolicy.ON_FAILURE && exitCode != null && exitCode == 0) {
            return stay(exit + "; restart policy on-failure restarts only failures");
        }
        return decideFailure(spec, exit, inARow, upFor);
    }

    /**
     * The same for a failure that is not an exit status, such as a container stopped for failing its liveness
     * probe: every policy but never restarts it.
     *
     * @param why what happened, in words, which the reason starts with
     */
    public static RestartDecision decideFailure(RestartSpec spec, String why, int inARow, Duration upFor) {
        int row = upFor.compareTo(FRESH_AFTER) >= 0 ? 0 : inARow;
        if (spec.policy() == RestartPolicy.NEVER) {
            return stay(why + "; restart policy never");
        }
        if (spec.max() > 0 && row >= spec.max()) {
            return stay(why + "; gave up after " + row + " restarts in a row (restart max " + spec.max() + ")");
        }
        Duration delay = backoff(spec.backoff(), row);
        return new RestartDecision(true, delay, row + 1,
                why + "; restart " + (row + 1) + " in a row after " + delay.toMillis() + " ms");
    }

    /** {@code first} doubled {@code doublings} times, at most {@link #LONGEST_BACKOFF}. */
    public static Duration backoff(Duration first, int doublings) {
        Duration delay = first;
        for (int i = 0; i < doublings && delay.compareTo(LONGEST_BACKOFF) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : delay;
    }

    private static RestartDecision stay(String reason) {
        return new RestartDecision(false, Duration.ZERO, 0, reason);
    }
}
