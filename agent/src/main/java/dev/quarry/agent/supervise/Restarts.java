package dev.quarry.agent.supervise;

import dev.quarry.compiler.spec.RestartSpec;
import java.time.Duration;

/** A container's restart counts: all of them (shown in list), and those in a row (what backoff and max use). */
final class Restarts {
    private int total;
    private int inARow;

    Restarts(int total) {
        this.total = total;
    }

    RestartDecision decide(RestartSpec spec, Integer exitCode, Duration upFor) {
        RestartDecision decision = RestartRule.decide(spec, exitCode, inARow, upFor);
        if (decision.restart()) {
            inARow = decision.inARow();
        }
        return decision;
    }

    RestartDecision decideFailure(RestartSpec spec, String why, Duration upFor) {
        RestartDecision decision = RestartRule.decideFailure(spec, why, inARow, upFor);
        if (decision.restart()) {
            inARow = decision.inARow();
        }
        return decision;
    }

    void count() {
        total++;
    }

    void freshRow() {
        inARow = 0;
    }

    int total() {
        return total;
    }
}
