package dev.quarry.hq.grid;

import dev.quarry.agent.client.AgentConnector;
import dev.quarry.files.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;

/**
 * HQ's own key pair for talking to agents: {@code etc/agent_key} (made on first start, ECDSA P-256,
 * OpenSSH format, readable by HQ only) and {@code etc/agent_key.pub}, the line an agent's
 * {@code hq.pub} must hold to let HQ in. Local agents read that public file directly.
 */
public final class AgentKey {
    private AgentKey() {}

    /** The private key file under {@code etc}. */
    public static Path privateKey(Path etc) {
        return etc.resolve("agent_key");
    }

    /** The public half, one line in authorized_keys format. */
    public static Path publicKey(Path etc) {
        return etc.resolve("agent_key.pub");
    }

    /** Reads the key pair, making it first when there is none. */
    public static KeyPair ensure(Path etc) throws IOException {
        Path file = privateKey(etc);
        if (!Files.exists(file)) {
            make(file);
        }
        KeyPair pair = AgentConnector.readKeyPair(file);
        String line = PublicKeyEntry.toString(pair.getPublic()) + " quarry-hq\n";
        Path publicFile = publicKey(etc);
        if (!Files.exists(publicFile) || !Files.readString(publicFile).equals(line)) {
            AtomicFiles.write(publicFile, line.getBytes(StandardCharsets.UTF_8));
        }
        return pair;
    }

    private static void make(Path file) throws IOException {
        try {
            KeyPair pair = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "quarry-hq", null, bytes);
            AtomicFiles.writeSecret(file, bytes.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make HQ's agent key " + file + ": " + e.getMessage(), e);
        }
    }
}
