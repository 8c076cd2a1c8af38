package dev.quarry.hq.certs;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What is known of one domain's certificate: its validity, if it has one, and the last failed order.
 *
 * @param notBefore when the certificate it serves became valid (empty: it has none)
 * @param notAfter when that certificate expires (empty: it has none)
 * @param failures orders that failed in a row since the last success
 * @param lastFailure when the last of them failed (empty when none did)
 * @param retryAfter the CA's {@code Retry-After} (or rate limit) of the last failure, if it gave one
 */
public record CertificateStanding(Optional<Instant> notBefore, Optional<Instant> notAfter, int failures,
        Optional<Instant> lastFailure, Optional<Duration> retryAfter) {
    public CertificateStanding {
        requireNonNull(notBefore, "notBefore is null");
        requireNonNull(notAfter, "notAfter is null");
        requireNonNull(lastFailure, "lastFailure is null");
        requireNonNull(retryAfter, "retryAfter is null");
        if (notBefore.isPresent() != notAfter.isPresent()) {
            throw new IllegalArgumentException("give both notBefore and notAfter, or neither");
        }
        if (failures < 0 || (failures > 0) != lastFailure.isPresent()) {
            throw new IllegalArgumentException("a failure count above 0 comes with the time of the last failure");
        }
    }

    /** A domain just routed: no certificate, nothing tried. */
    public static CertificateStanding none() {
        return new CertificateStanding(Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty());
    }

    /** Serving a certificate valid from {@code notBefore} to {@code notAfter}, the last order a success. */
    public static CertificateStanding issued(Instant notBefore, Instant notAfter) {
        return new CertificateStanding(Optional.of(notBefore), Optional.of(notAfter), 0, Optional.empty(), Optional.empty());
    }

    /** This standing after one more failed order at {@code when}. */
    public CertificateStanding failed(Instant when, Optional<Duration> retryAfter) {
        return new CertificateStanding(notBefore, notAfter, failures + 1, Optional.of(when), retryAfter);
    }
}
