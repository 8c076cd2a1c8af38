package dev.quarry.hq.liveness;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A server's liveness at one moment.
 *
 * @param state up, suspect, down or returning
 * @param since when it entered that state
 * @param lastAnswer when its agent last answered the heartbeat (or when HQ began watching it)
 */
public record Liveness(ServerState state, Instant since, Instant lastAnswer) {
    public Liveness {
        requireNonNull(state, "state is null");
        requireNonNull(since, "since is null");
        requireNonNull(lastAnswer, "lastAnswer is null");
    }
}
