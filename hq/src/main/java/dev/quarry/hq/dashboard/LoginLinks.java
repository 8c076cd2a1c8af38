package dev.quarry.hq.dashboard;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time login links: {@code dashboard} (over SSH) issues one for the caller's key; the first visit within
 * {@link #LIFETIME} redeems it for a session, every later or later-than-that visit is refused. Kept in this HQ's
 * memory (by digest), so a link works on the HQ that printed it.
 */
public final class LoginLinks {
    public static final Duration LIFETIME = Duration.ofSeconds(60);

    private record Pending(String user, Instant expires) { }

    private final Clock clock;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    public LoginLinks(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** A new token that logs {@code user} in once, within {@link #LIFETIME}. */
    public String issue(String user) {
        requireNonNull(user, "user is null");
        Instant now = clock.instant();
        pending.values().removeIf(link -> !link.expires().isAfter(now));
        String token = Tokens.next();
        pending.put(Tokens.digest(token), new Pending(user, now.plus(LIFETIME)));
        return token;
    }

    /** The user the token logs in, if it is unused and unexpired; it is used up either way. */
    public Optional<String> redeem(String token) {
        if (!Tokens.isToken(token)) {
            return Optional.empty();
        }
        Pending link = pending.remove(Tokens.digest(token));
        if (link == null || !link.expires().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(link.user());
    }
}
