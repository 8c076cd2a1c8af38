package dev.quarry.router.apply;

import dev.quarry.router.model.TlsCertificate;
import java.util.List;
import java.util.Set;

/**
 * Certificates a new generation adds or replaces, and the domains whose certificates it drops.
 *
 * @param put certificates to serve, replacing any of the same domain
 * @param removed domains to serve no certificate for
 */
record CertificateChange(List<TlsCertificate> put, Set<String> removed) {
    static final CertificateChange NONE = new CertificateChange(List.of(), Set.of());

    CertificateChange {
        put = List.copyOf(put);
        removed = Set.copyOf(removed);
    }

    boolean touches(String domain) {
        return removed.contains(domain) || put.stream().anyMatch(certificate -> certificate.domain().equals(domain));
    }
}
