package dev.quarry.hq.certs;

import java.time.Duration;
import java.time.Instant;

/**
 * When to order a domain's certificate (pure: the standing and the time in, the next attempt out). A
 * domain without one is ordered at once; a certificate is renewed at two thirds of its lifetime. After a
 * failed order the next waits 1 min, doubling per failure up to 6 h, or longer when the CA said so
 * ({@code Retry-After}, a rate limit), and never later than the renewal would otherwise be due.
 */
public final class RenewalRule {
    static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
    static final Duration LONGEST_BACKOFF = Duration.ofHours(6);

    private RenewalRule() {}

    /** The earliest time the next order of this domain may start (at or before {@code now}: order now). */
    public static Instant nextAttempt(CertificateStanding standing) {
        Instant due = renewalDue(standing);
        if (standing.failures() == 0) {
            return due;
        }
        Duration wait = backoff(standing.failures());
        if (standing.retryAfter().isPresent() && standing.retryAfter().get().compareTo(wait) > 0) {
            wait = standing.retryAfter().get();
        }
        Instant retry = standing.lastFailure().orElseThrow().plus(wait);
        return retry.isAfter(due) ? retry : due;
    }

    /** Whether an order should start at {@code now}. */
    public static boolean due(CertificateStanding standing, Instant now) {
        return !nextAttempt(standing).isAfter(now);
    }

    /** Two thirds into the certificate's lifetime; {@link Instant#MIN} (now) without one. */
    static Instant renewalDue(CertificateStanding standing) {
        if (standing.notBefore().isEmpty()) {
            return Instant.MIN;
        }
        Instant from = standing.notBefore().get();
        Duration lifetime = Duration.between(from, standing.notAfter().orElseThrow());
        return from.plus(lifetime.multipliedBy(2).dividedBy(3));
    }

    /** 1 min after the first failure, doubling, at most 6 h. */
    static Duration backoff(int failures) {
        if (failures >= 20) {
            return LONGEST_BACKOFF;
        }
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << (failures - 1));
        return wait.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : wait;
    }
}
