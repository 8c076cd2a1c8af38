package dev.quarry.hq.liveness;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * The liveness state machine, pure: heartbeat answers and the time in, the server's state out. A server
 * is {@code suspect} once {@code suspectAfter} passed without an answer and {@code down} once {@code ttl}
 * did; a down server that answers again is {@code returning} until HQ removed its stale containers
 * ({@link #cleared}), then {@code up}.
 *
 * @param suspectAfter silence after which a server is suspect
 * @param ttl silence after which a server is down
 */
public record LivenessRule(Duration suspectAfter, Duration ttl) {
    public static final Duration DEFAULT_SUSPECT_AFTER = Duration.ofSeconds(2);
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(10);
    public static final LivenessRule DEFAULT = new LivenessRule(DEFAULT_SUSPECT_AFTER, DEFAULT_TTL);

    public LivenessRule {
        requireNonNull(suspectAfter, "suspectAfter is null");
        requireNonNull(ttl, "ttl is null");
        if (suspectAfter.isNegative() || suspectAfter.isZero() || ttl.compareTo(suspectAfter) <= 0) {
            throw new IllegalArgumentException("the server TTL must be longer than " + suspectAfter.toMillis()
                    + " ms (when a silent server becomes suspect), got " + ttl.toMillis() + " ms");
        }
    }

    /** A TTL with the default suspect time, or half the TTL when that is shorter. */
    public static LivenessRule withTtl(Duration ttl) {
        Duration suspect = ttl.compareTo(DEFAULT_SUSPECT_AFTER.multipliedBy(2)) < 0 ? ttl.dividedBy(2)
                : DEFAULT_SUSPECT_AFTER;
        return new LivenessRule(suspect, ttl);
    }

    /** A server HQ begins to watch: up, as if it had just answered. */
    public Liveness first(Instant now) {
        return new Liveness(ServerState.UP, now, now);
    }

    /** The agent answered at {@code now}: up again, or returning when it was down. */
    public Liveness answered(Liveness before, Instant now) {
        return switch (before.state()) {
            case DOWN -> new Liveness(ServerState.RETURNING, now, now);
            case RETURNING -> new Liveness(ServerState.RETURNING, before.since(), now);
            case UP -> new Liveness(ServerState.UP, before.since(), now);
            case SUSPECT -> new Liveness(ServerState.UP, now, now);
        };
    }

    /** The time is {@code now} and no answer came since {@code before.lastAnswer()}. */
    public Liveness silent(Liveness before, Instant now) {
        Duration silence = Duration.between(before.lastAnswer(), now);
        if (before.state() == ServerState.DOWN) {
            return before;
        }
        if (silence.compareTo(ttl) >= 0) {
            return new Liveness(ServerState.DOWN, before.lastAnswer().plus(ttl), before.lastAnswer());
        }
        if (before.state() == ServerState.UP && silence.compareTo(suspectAfter) >= 0) {
            return new Liveness(ServerState.SUSPECT, before.lastAnswer().plus(suspectAfter), before.lastAnswer());
        }
        return before;
    }

    /** HQ removed a returning server's stale containers at {@code now}: it is up and takes work again. */
    public Liveness cleared(Liveness before, Instant now) {
        return before.state() == ServerState.RETURNING ? new Liveness(ServerState.UP, now, before.lastAnswer())
                : before;
    }
}
