package dev.quarry.agent.supervise;

import static java.util.Objects.requireNonNull;

import dev.quarry.agent.liveness.LivenessMonitor;
import dev.quarry.agent.runtime.Launcher;
import dev.quarry.agent.state.RecordedContainer;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * What every supervised container shares: the runtime that starts it, the clock it is timed by, how
 * it waits out a backoff, who hears about its changes and about a container to forget (the state file), and
 * who probes it once it runs.
 */
record Supervision(Launcher launcher, Clock clock, Sleeper sleeper, Consumer<RecordedContainer> changes,
        Consumer<String> forgotten, LivenessMonitor liveness) {
    Supervision {
        requireNonNull(launcher, "launcher is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(sleeper, "sleeper is null");
        requireNonNull(changes, "changes is null");
        requireNonNull(forgotten, "forgotten is null");
        requireNonNull(liveness, "liveness is null");
    }
}
