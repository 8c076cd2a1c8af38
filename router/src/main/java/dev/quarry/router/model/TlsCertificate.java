package dev.quarry.router.model;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * A certificate the router serves for one domain: the PEM chain (leaf first) and its PEM private key.
 * {@link #toString} never shows the key.
 *
 * @param domain such as {@code shop.example.com} or {@code *.example.com}
 * @param chainPem the leaf certificate and its intermediates, PEM
 * @param keyPem the leaf's private key, PEM
 */
public record TlsCertificate(String domain, String chainPem, String keyPem) {
    /** A routed domain name, as the router accepts it (a leading {@code *.} for a wildcard). */
    public static final Pattern DOMAIN = Pattern.compile("(\\*\\.)?[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?");

    public TlsCertificate {
        requireNonNull(domain, "domain is null");
        requireNonNull(chainPem, "chainPem is null");
        requireNonNull(keyPem, "keyPem is null");
        checkDomain(domain);
        if (!chainPem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new IllegalArgumentException(domain + ": the certificate must be PEM (-----BEGIN CERTIFICATE-----)");
        }
        if (!keyPem.matches("(?s).*-----BEGIN ([A-Z]+ )?PRIVATE KEY-----.*")) {
            throw new IllegalArgumentException(domain + ": the key must be a PEM private key (-----BEGIN PRIVATE KEY-----)");
        }
    }

    /** @throws IllegalArgumentException when {@code domain} is not a domain name the router routes */
    public static String checkDomain(String domain) {
        if (!DOMAIN.matcher(domain).matches()) {
            throw new IllegalArgumentException("\"" + domain + "\" is not a domain name (lower case letters, digits,"
                    + " dots and dashes, optionally starting with *.)");
        }
        return domain;
    }

    /** The file name the router keeps it under: a wildcard's {@code *} becomes {@code _} (never in a domain). */
    public static String fileName(String domain) {
        return checkDomain(domain).replace('*', '_');
    }

    @Override
    public String toString() {
        return "TlsCertificate[" + domain + ", key hidden]";
    }
}
