package dev.quarry.agent.supervise;

import dev.quarry.agent.runtime.Instance;
import java.time.Duration;
import java.time.Instant;

/** A restart that could not start anything: it "exits" at once with an unknown status, so the policy decides again. */
record FailedStart(Instant startedAt) implements Instance {
    @Override
    public String handle() {
        return null;
    }

    @Override
    public int awaitExit() {
        return -1;
    }

    @Override
    public void stop(Duration grace) {
        // nothing runs
    }
}
