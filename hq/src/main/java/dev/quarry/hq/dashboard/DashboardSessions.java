package dev.quarry.hq.dashboard;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The dashboard's sessions, in memory (by digest of their cookie): each lasts {@link #LIFETIME}. */
public final class DashboardSessions {
    public static final Duration LIFETIME = Duration.ofHours(12);

    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public DashboardSessions(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** A new session for {@code user}; its id goes in the cookie. */
    public Session open(String user) {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> !session.expires().isAfter(now));
        Session session = new Session(Tokens.next(), user, Tokens.next(), now.plus(LIFETIME));
        sessions.put(Tokens.digest(session.id()), session);
        return session;
    }

    /** The live session whose cookie value is {@code id}. */
    public Optional<Session> find(String id) {
        if (!Tokens.isToken(id)) {
            return Optional.empty();
        }
        Session session = sessions.get(Tokens.digest(id));
        if (session == null || !session.expires().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(session);
    }

    /** Whether {@code token} is the session's CSRF token. */
    public static boolean carriesCsrf(Session session, String token) {
        return Tokens.same(session.csrf(), token);
    }
}
