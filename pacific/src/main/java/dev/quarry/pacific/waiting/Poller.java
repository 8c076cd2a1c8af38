package dev.quarry.pacific.waiting;

import static java.util.Objects.requireNonNull;

import dev.quarry.pacific.provider.CloudFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Asks again and again, with a pause between, until an answer comes or the time is up. */
public final class Poller {
    private final Clock clock;
    private final Sleeper sleeper;

    public Poller(Clock clock, Sleeper sleeper) {
        this.clock = requireNonNull(clock, "clock is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
    }

    /** One look: an answer, or empty for "not yet". */
    @FunctionalInterface
    public interface Attempt<T> {
        Optional<T> look() throws CloudFailure, InterruptedException;
    }

    /**
     * Looks at once, then every {@code interval} until {@code timeout} has passed; the last look is at the deadline.
     *
     * @return the first answer, or empty when the time ran out
     */
    public <T> Optional<T> poll(Duration timeout, Duration interval, Attempt<T> attempt)
            throws CloudFailure, InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            Optional<T> answer = attempt.look();
            if (answer.isPresent()) {
                return answer;
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                return Optional.empty();
            }
            sleeper.sleep(left.compareTo(interval) < 0 ? left : interval);
        }
    }

    public Clock clock() {
        return clock;
    }

    public Sleeper sleeper() {
        return sleeper;
    }
}
