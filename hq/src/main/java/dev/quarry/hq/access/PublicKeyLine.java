package dev.quarry.hq.access;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Set;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * One public key in OpenSSH's one-line form ({@code ssh-ed25519 AAAA... comment}), read and checked by
 * allowlist: ed25519, ECDSA (and their security-key forms) and RSA of 2048 bits or more; no DSA, no
 * {@code authorized_keys} options.
 *
 * @param type the key type, such as {@code ssh-ed25519}
 * @param key the key
 * @param line the line as stored: type, base64 and comment
 */
public record PublicKeyLine(String type, PublicKey key, String line) {
    public static final int MIN_RSA_BITS = 2048;
    private static final Set<String> TYPES = Set.of("ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
            "ecdsa-sha2-nistp521", "ssh-rsa", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com");
    private static final int MAX_LENGTH = 16_384;

    public PublicKeyLine {
        requireNonNull(type, "type is null");
        requireNonNull(key, "key is null");
        requireNonNull(line, "line is null");
    }

    /**
     * Reads {@code text} (one line, surrounding blanks ignored).
     *
     * @throws IllegalArgumentException with a one-line reason when it is not an acceptable public key
     */
    public static PublicKeyLine parse(String text) {
        String line = text.strip();
        if (line.isEmpty()) {
            throw new IllegalArgumentException("no public key on standard input; send one line such as: ssh-ed25519"
                    + " AAAA... you@laptop (the .pub file of your key)");
        }
        if (line.length() > MAX_LENGTH || line.lines().count() > 1) {
            throw new IllegalArgumentException("send one public key, one line of at most " + MAX_LENGTH
                    + " characters (the .pub file of one key)");
        }
        if (line.contains("PRIVATE KEY")) {
            throw new IllegalArgumentException("that is a private key; send the public one (the .pub file) and keep"
                    + " the private key to yourself");
        }
        String type = line.split("[ \t]+", 2)[0];
        if (type.equals("ssh-dss")) {
            throw new IllegalArgumentException("DSA keys are refused (weak, and OpenSSH no longer accepts them);"
                    + " make an ed25519 key: ssh-keygen -t ed25519");
        }
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("\"" + printable(type) + "\" is not a key type HQ accepts ("
                    + String.join(", ", TYPES.stream().sorted().toList())
                    + "); options before the key are not accepted either");
        }
        PublicKey key = resolve(line);
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new IllegalArgumentException("this RSA key has " + rsa.getModulus().bitLength() + " bits; HQ"
                    + " accepts RSA keys of " + MIN_RSA_BITS + " bits or more; make an ed25519 key: ssh-keygen -t"
                    + " ed25519");
        }
        return new PublicKeyLine(type, key, line);
    }

    /** The key's SHA256 fingerprint, as ssh-keygen -l shows it. */
    public String fingerprint() {
        return KeyUtils.getFingerPrint(key);
    }

    /** Whether this is the same key as {@code other} (comments aside). */
    public boolean sameKey(PublicKey other) {
        return KeyUtils.compareKeys(key, other);
    }

    private static PublicKey resolve(String line) {
        PublicKey key;
        try {
            key = PublicKeyEntry.parsePublicKeyEntry(line).resolvePublicKey(null, null, PublicKeyEntryResolver.FAILING);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("not a readable public key (" + printable(String.valueOf(e.getMessage()))
                    + "); send the .pub file of your key as it is");
        }
        if (key == null) {
            throw new IllegalArgumentException("not a readable public key; send the .pub file of your key as it is");
        }
        return key;
    }

    private static String printable(String text) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
