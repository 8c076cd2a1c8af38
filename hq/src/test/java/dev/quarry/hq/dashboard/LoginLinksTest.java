package dev.quarry.hq.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One-time links and sessions, on a clock the test moves. */
class LoginLinksTest {
    private final MovingClock clock = new MovingClock();

    @Test
    void aLinkWorksOnceForItsUser() {
        LoginLinks links = new LoginLinks(clock);
        String token = links.issue("alice");

        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
        assertEquals(Optional.of("alice"), links.redeem(token));
        assertEquals(Optional.empty(), links.redeem(token), "a second use");
    }

    @Test
    void aLinkExpiresAfterSixtySeconds() {
        LoginLinks links = new LoginLinks(clock);
        String late = links.issue("alice");
        String early = links.issue("bob");
        clock.move(Duration.ofSeconds(59));
        assertEquals(Optional.of("bob"), links.redeem(early));
        clock.move(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), links.redeem(late));
    }

    @Test
    void somethingNotShapedLikeATokenIsNotLookedUp() {
        LoginLinks links = new LoginLinks(clock);
        links.issue("alice");
        assertEquals(Optional.empty(), links.redeem("../../etc/passwd"));
        assertEquals(Optional.empty(), links.redeem(""));
        assertEquals(Optional.empty(), links.redeem(null));
    }

    @Test
    void sessionsCarryTheirOwnCsrfTokenAndEnd() {
        DashboardSessions sessions = new DashboardSessions(clock);
        Session alice = sessions.open("alice");
        Session bob = sessions.open("bob");

        assertEquals(Optional.of(alice), sessions.find(alice.id()));
        assertNotEquals(alice.csrf(), bob.csrf());
        assertTrue(DashboardSessions.carriesCsrf(alice, alice.csrf()));
        assertFalse(DashboardSessions.carriesCsrf(alice, bob.csrf()));
        assertFalse(DashboardSessions.carriesCsrf(alice, null));
        clock.move(DashboardSessions.LIFETIME);
        assertEquals(Optional.empty(), sessions.find(alice.id()));
    }

    @Test
    void theCookieIsHttpOnlyStrictAndSecureOverHttps() {
        Session session = new DashboardSessions(clock).open("alice");
        String plain = SessionCookie.header(session, false);
        assertTrue(plain.startsWith("quarry_session=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict"), plain);
        assertFalse(plain.contains("Secure"), plain);
        assertTrue(SessionCookie.header(session, true).endsWith("; Secure"));
        assertEquals(Optional.of(session.id()), SessionCookie.read(java.util.List.of("a=b; quarry_session="
                + session.id())));
    }

    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-12-04T19:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
