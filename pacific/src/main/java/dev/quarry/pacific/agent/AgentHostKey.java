package dev.quarry.pacific.agent;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * A host key made for a new server's agent before the server exists, so HQ knows it before it first
 * connects (no trust on first use over the network): the private half goes to the server in its user
 * data (SEC 1 PEM with the public point, {@code -----BEGIN EC PRIVATE KEY-----}, which the agent's SSH
 * server reads as its {@code ssh_host_key}), the public half is what HQ puts in its known_hosts
 * ({@code ecdsa-sha2-nistp256 AAAA...}).
 *
 * @param privateKeyPem the private key, {@code -----BEGIN EC PRIVATE KEY-----} ...
 * @param publicKeyLine the public key in OpenSSH's one-line form, without a comment
 */
public record AgentHostKey(String privateKeyPem, String publicKeyLine) {
    private static final String TYPE = "ecdsa-sha2-nistp256";

    public AgentHostKey {
        requireNonNull(privateKeyPem, "privateKeyPem is null");
        requireNonNull(publicKeyLine, "publicKeyLine is null");
    }

    /** A new ECDSA P-256 key, the kind the agent makes for itself. */
    public static AgentHostKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
            String pem = "-----BEGIN EC PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
                            sec1(((ECPrivateKey) pair.getPrivate()).getS(), point(publicKey)))
                    + "\n-----END EC PRIVATE KEY-----\n";
            return new AgentHostKey(pem, publicKeyLine(publicKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make an ECDSA P-256 key: " + e.getMessage(), e);
        }
    }

    /** OpenSSH's line for a P-256 public key: the type, then base64 of (type, curve, uncompressed point). */
    static String publicKeyLine(ECPublicKey key) {
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        string(blob, TYPE.getBytes(StandardCharsets.US_ASCII));
        string(blob, "nistp256".getBytes(StandardCharsets.US_ASCII));
        string(blob, point(key));
        return TYPE + " " + Base64.getEncoder().encodeToString(blob.toByteArray());
    }

    /** The public point uncompressed: 0x04, then X and Y, 32 bytes each. */
    private static byte[] point(ECPublicKey key) {
        ByteArrayOutputStream point = new ByteArrayOutputStream();
        point.write(4);
        point.writeBytes(fixed(key.getW().getAffineX()));
        point.writeBytes(fixed(key.getW().getAffineY()));
        return point.toByteArray();
    }

    /**
     * RFC 5915's ECPrivateKey for P-256, DER: SEQUENCE { INTEGER 1, OCTET STRING d, [0] prime256v1, [1] BIT STRING
     * point }. Every length is fixed for this curve, so the framing is constant.
     */
    static byte[] sec1(BigInteger secret, byte[] point) {
        ByteArrayOutputStream der = new ByteArrayOutputStream();
        der.writeBytes(new byte[] {0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20});
        der.writeBytes(fixed(secret));
        der.writeBytes(new byte[] {(byte) 0xa0, 0x0a, 0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x03,
            0x01, 0x07});
        der.writeBytes(new byte[] {(byte) 0xa1, 0x44, 0x03, 0x42, 0x00});
        der.writeBytes(point);
        return der.toByteArray();
    }

    /** A coordinate as exactly 32 bytes, big-endian. */
    private static byte[] fixed(BigInteger coordinate) {
        byte[] raw = coordinate.toByteArray();
        byte[] bytes = new byte[32];
        int copied = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copied, bytes, 32 - copied, copied);
        return bytes;
    }

    private static void string(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes.length >>> 24);
        out.write(bytes.length >>> 16);
        out.write(bytes.length >>> 8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    /** Never the private key. */
    @Override
    public String toString() {
        return "AgentHostKey[" + publicKeyLine + "]";
    }
}
