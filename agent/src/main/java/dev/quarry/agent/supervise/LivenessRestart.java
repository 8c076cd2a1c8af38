package dev.quarry.agent.supervise;

import dev.quarry.agent.runtime.Instance;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * What happens to an instance that failed its liveness probe: its status says unhealthy at once, so HQ (which
 * lists the agents every second) takes it out of the router; {@link #UNROUTE_WAIT} later it is stopped, and its
 * watcher hands the exit to the restart policy as a failure.
 */
final class LivenessRestart {
    /** How long an unhealthy instance keeps running so HQ can take it out of the router first. */
    static final Duration UNROUTE_WAIT = Duration.ofSeconds(2);
    /** How long it gets to end after SIGTERM before SIGKILL: it is already failing, so not long. */
    static final Duration STOP_GRACE = Duration.ofSeconds(3);

    private LivenessRestart() {}

    /** Waits {@link #UNROUTE_WAIT}, then stops {@code unhealthy} unless {@code still} says a stop or start came first. */
    static void stopAfterUnrouting(Instance unhealthy, BooleanSupplier still) {
        try {
            Sleeper.SYSTEM.sleep(UNROUTE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (still.getAsBoolean()) {
            unhealthy.stop(STOP_GRACE);
        }
    }
}
