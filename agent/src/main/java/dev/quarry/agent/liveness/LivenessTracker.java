package dev.quarry.agent.liveness;

import dev.quarry.agent.health.ProbeResult;
import dev.quarry.agent.runtime.ContainerPhase;
import java.time.Duration;

/**
 * The liveness rule of one instance, as a pure state machine: probe results in, its phase out. Booting until
 * something answers on its port, warming until a probe passes, then up; once up, {@code failures} failed
 * probes in a row make it unhealthy (told once), and so does a probe failing past the deadline of one that
 * never got up. A pass resets the row. Not thread-safe: its watch holds it.
 */
public final class LivenessTracker {
    private final LivenessPlan plan;
    private ContainerPhase phase;
    private int failuresInARow;
    private boolean neverUp;

    /** @param up whether it starts up (an instance adopted from an earlier agent, which served then) */
    public LivenessTracker(LivenessPlan plan, boolean up) {
        this.plan = plan;
        this.phase = up ? ContainerPhase.UP : ContainerPhase.BOOTING;
    }

    /**
     * Records one probe, made {@code sinceStart} after the instance started; answers true exactly when this probe
     * made it unhealthy.
     */
    public boolean record(ProbeResult result, Duration sinceStart) {
        if (phase == ContainerPhase.UNHEALTHY) {
            return false;
        }
        if (result.passed()) {
            phase = ContainerPhase.UP;
            failuresInARow = 0;
            return false;
        }
        failuresInARow++;
        if (phase != ContainerPhase.UP) {
            phase = result.reached() ? ContainerPhase.WARMING : ContainerPhase.BOOTING;
            if (plan.deadline() != null && sinceStart.compareTo(plan.deadline()) >= 0) {
                phase = ContainerPhase.UNHEALTHY;
                neverUp = true;
                return true;
            }
            return false;
        }
        if (failuresInARow >= plan.failures()) {
            phase = ContainerPhase.UNHEALTHY;
            return true;
        }
        return false;
    }

    /** Its health check passed (the health verb saw it): up, with a fresh row. */
    public void passed() {
        if (phase != ContainerPhase.UNHEALTHY) {
            phase = ContainerPhase.UP;
            failuresInARow = 0;
        }
    }

    public ContainerPhase phase() {
        return phase;
    }

    public int failuresInARow() {
        return failuresInARow;
    }

    /** How long until the next probe: the health interval while it warms, the liveness interval once up. */
    public Duration nextDelay() {
        return phase == ContainerPhase.UP ? plan.interval() : plan.warmingInterval();
    }

    /** Why it is unhealthy, for its status and restart reason. */
    public String unhealthyReason(String lastAnswer) {
        if (neverUp) {
            return "not healthy within " + plan.deadline().toMillis() + " ms of its start (" + plan.describe()
                    + ", " + failuresInARow + " tries); last: " + lastAnswer;
        }
        return "failed its liveness probe (" + plan.describe() + ") " + failuresInARow + " times in a row; last: "
                + lastAnswer;
    }
}
