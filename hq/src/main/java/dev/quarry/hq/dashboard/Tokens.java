package dev.quarry.hq.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random tokens for login links, sessions and CSRF: 32 random bytes, base64url without padding (43 characters). */
final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SHAPE = "[A-Za-z0-9_-]{43}";

    private Tokens() {}

    static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code text} has the shape of a token (checked before it is looked up). */
    static boolean isToken(String text) {
        return text != null && text.matches(SHAPE);
    }

    /** The SHA-256 of a token, which is what is kept: a memory dump does not give working links away. */
    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Compares two tokens in time independent of where they differ. */
    static boolean same(String one, String other) {
        return one != null && other != null && MessageDigest.isEqual(one.getBytes(StandardCharsets.US_ASCII),
                other.getBytes(StandardCharsets.US_ASCII));
    }
}
