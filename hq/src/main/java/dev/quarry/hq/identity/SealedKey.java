package dev.quarry.hq.identity;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A private key sealed with the grid secret: AES-256-GCM under a key derived by PBKDF2-HMAC-SHA256 from the
 * secret and a random salt, the public key line bound in as associated data (so a sealed key cannot be paired
 * with another public key).
 *
 * @param publicKey the public half, one authorized_keys line, in clear
 * @param iterations PBKDF2's iteration count
 * @param salt base64, 16 random bytes
 * @param nonce base64, 12 random bytes
 * @param sealed base64, the encrypted private key with GCM's tag
 */
public record SealedKey(String publicKey, int iterations, String salt, String nonce, String sealed) {
    /** PBKDF2 iterations for new seals (OWASP's figure for PBKDF2-HMAC-SHA256). */
    public static final int ITERATIONS = 600_000;
    private static final int TAG_BITS = 128;

    public SealedKey {
        requireNonNull(publicKey, "publicKey is null");
        requireNonNull(salt, "salt is null");
        requireNonNull(nonce, "nonce is null");
        requireNonNull(sealed, "sealed is null");
        if (iterations < 10_000) {
            throw new IllegalArgumentException("a sealed key needs at least 10000 PBKDF2 iterations, got " + iterations);
        }
    }

    /** Seals {@code privateKey} (its bytes are not kept) with {@code secret}. */
    public static SealedKey seal(byte[] privateKey, String publicKey, GridSecret secret) {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, secret, salt, ITERATIONS, nonce, publicKey);
            Base64.Encoder base64 = Base64.getEncoder();
            return new SealedKey(publicKey, ITERATIONS, base64.encodeToString(salt), base64.encodeToString(nonce),
                    base64.encodeToString(cipher.doFinal(privateKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a key with AES-GCM: " + e.getMessage(), e);
        }
    }

    /**
     * The private key's bytes.
     *
     * @throws WrongSecretException when {@code secret} is not the one it was sealed with (or the seal was changed)
     */
    public byte[] open(GridSecret secret) throws WrongSecretException {
        Base64.Decoder base64 = Base64.getDecoder();
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, secret, base64.decode(salt), iterations, base64.decode(nonce),
                    publicKey);
            return cipher.doFinal(base64.decode(sealed));
        } catch (AEADBadTagException e) {
            throw new WrongSecretException();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot open a sealed key: " + e.getMessage(), e);
        }
    }

    private static Cipher cipher(int mode, GridSecret secret, byte[] salt, int iterations, byte[] nonce,
            String publicKey) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(secret.text().toCharArray(), salt, iterations, 256);
        try {
            byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(derived, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(publicKey.getBytes(StandardCharsets.UTF_8));
            return cipher;
        } finally {
            spec.clearPassword();
        }
    }

    /** The secret given is not the one the key was sealed with. */
    public static final class WrongSecretException extends Exception {
        private static final long serialVersionUID = 1L;

        WrongSecretException() {
            super("the grid secret does not open the sealed key");
        }
    }
}
