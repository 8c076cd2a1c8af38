package dev.quarry.router.model;

import java.util.Locale;

/**
 * What a stack's domains do over plain HTTP once they have a certificate: {@code redirect} to HTTPS (the
 * default), or serve {@code both}. A domain without a certificate always serves HTTP.
 */
public enum HttpsMode {
    REDIRECT,
    BOTH;

    /** As written in quarry.yml and kept beside a stack's files: {@code redirect} or {@code both}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the valid words */
    public static HttpsMode of(String word) {
        for (HttpsMode mode : values()) {
            if (mode.word().equals(word)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("https must be redirect or both, got \"" + word + "\"");
    }
}
