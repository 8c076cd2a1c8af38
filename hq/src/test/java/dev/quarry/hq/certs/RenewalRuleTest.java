package dev.quarry.hq.certs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The table of when a domain's certificate is ordered, renewed and retried. */
class RenewalRuleTest {
    private static final Instant T = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void aDomainWithoutCertificateIsOrderedAtOnce() {
        assertTrue(RenewalRule.due(CertificateStanding.none(), T));
    }

    @Test
    void aCertificateIsRenewedAtTwoThirdsOfItsLifetime() {
        CertificateStanding ninetyDays = CertificateStanding.issued(T, T.plus(Duration.ofDays(90)));

        assertEquals(T.plus(Duration.ofDays(60)), RenewalRule.nextAttempt(ninetyDays));
        assertFalse(RenewalRule.due(ninetyDays, T.plus(Duration.ofDays(59))));
        assertTrue(RenewalRule.due(ninetyDays, T.plus(Duration.ofDays(60))));
    }

    @Test
    void failedOrdersBackOffFromOneMinuteDoublingUpToSixHours() {
        CertificateStanding standing = CertificateStanding.none();
        Instant failedAt = T;
        Duration[] waits = {Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8)};
        for (Duration wait : waits) {
            standing = standing.failed(failedAt, Optional.empty());
            assertEquals(failedAt.plus(wait), RenewalRule.nextAttempt(standing));
        }
        for (int i = 0; i < 30; i++) {
            standing = standing.failed(failedAt, Optional.empty());
        }
        assertEquals(failedAt.plus(Duration.ofHours(6)), RenewalRule.nextAttempt(standing));
    }

    @Test
    void theCasRetryAfterIsHonouredWhenLongerThanTheBackoff() {
        CertificateStanding limited = CertificateStanding.none().failed(T, Optional.of(Duration.ofHours(3)));
        CertificateStanding soon = CertificateStanding.none().failed(T, Optional.of(Duration.ofSeconds(5)));

        assertEquals(T.plus(Duration.ofHours(3)), RenewalRule.nextAttempt(limited));
        assertEquals(T.plus(Duration.ofMinutes(1)), RenewalRule.nextAttempt(soon));
    }

    @Test
    void aFailedRenewalOfAValidCertificateWaitsForItsRenewalTimeAtLeast() {
        CertificateStanding renewing = CertificateStanding.issued(T, T.plus(Duration.ofDays(90)))
                .failed(T.plus(Duration.ofDays(61)), Optional.empty());

        assertEquals(T.plus(Duration.ofDays(61)).plus(Duration.ofMinutes(1)), RenewalRule.nextAttempt(renewing));
    }
}
