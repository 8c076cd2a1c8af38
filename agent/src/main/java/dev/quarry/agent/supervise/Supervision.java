package dev.quarry.agent.supervise;

import static java.util.Objects.requireNonNull;

import dev.quarry.agent.runtime.Launcher;
import java.time.Clock;
import dev.quarry.agent.state.RecordedContainer;
import java.util.function.Consumer;

/**
 * What every supervised container shares: the runtime that starts it, the clock it is timed by, how
 * it waits out a backoff, and who hears about its changes and about a container to forget (the state file).
 */
record Supervision(Launcher launcher, Clock clock, Sleeper sleeper, Consumer<RecordedContainer> changes,
        Consumer<String> forgotten) {
    Supervision {
        requireNonNull(launcher, "launcher is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(sleeper, "sleeper is null");
        requireNonNull(changes, "changes is null");
        requireNonNull(forgotten, "forgotten is null");
    }
}
