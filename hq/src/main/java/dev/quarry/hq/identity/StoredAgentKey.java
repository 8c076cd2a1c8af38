package dev.quarry.hq.identity;

import static java.util.Objects.requireNonNull;

import dev.quarry.agent.client.AgentConnector;
import dev.quarry.files.AtomicFiles;
import dev.quarry.hq.grid.AgentKey;
import dev.quarry.hq.state.JsonValues;
import dev.quarry.hq.state.StateConflictException;
import dev.quarry.hq.state.StateKey;
import dev.quarry.hq.state.StateStore;
import dev.quarry.hq.state.Versioned;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * The grid's agent key kept in the store under {@value #KEY_TEXT}, its private half sealed with the grid secret
 * ({@link SealedKey}), so every HQ sharing the store talks to every agent with the same key. The first HQ seals
 * the key its home already has ({@code etc/agent_key}, so agents made before keep trusting it) or a new one;
 * the others open it. Each HQ writes the public half to its {@code etc/agent_key.pub} for the agents it starts;
 * the private half is never written in clear, neither to the store nor to an HQ that did not make it.
 */
public final class StoredAgentKey {
    static final String KEY_TEXT = "grid/agent_key.json";
    /** Where the sealed key lives in the store. */
    public static final StateKey KEY = StateKey.of("grid", "agent_key.json");
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StoredAgentKey.class);

    private final StateStore store;
    private final Path etc;
    private final Map<String, String> environment;

    /** @param environment where {@link GridSecret#VARIABLE} is looked up */
    public StoredAgentKey(StateStore store, Path etc, Map<String, String> environment) {
        this.store = requireNonNull(store, "store is null");
        this.etc = requireNonNull(etc, "etc is null");
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
    }

    /**
     * The grid's key pair: opened from the store, else sealed into it (made first when this home has none).
     *
     * @throws IOException one line saying what is missing or wrong: no secret, a wrong secret, a damaged record
     */
    public KeyPair ensure() throws IOException {
        Optional<GridSecret> secret = secret();
        Optional<Versioned> stored = store.read(KEY);
        if (stored.isEmpty()) {
            GridSecret sealing = secret.isPresent() ? secret.get() : made();
            KeyPair pair = homeKeyOrNew();
            try {
                store.write(KEY, StateStore.ABSENT, JsonValues.write(SealedKey.seal(privateBytes(pair),
                        publicLine(pair), sealing)));
                writePublicLine(publicLine(pair));
                return pair;
            } catch (StateConflictException e) {
                stored = store.read(KEY);
                secret = Optional.of(sealing);
            }
        }
        return open(stored.orElseThrow(), secret.orElseThrow(() -> new IOException("the grid's agent key in the"
                + " store (" + KEY + ") is sealed and this HQ has no grid secret: set " + GridSecret.VARIABLE
                + " or write it to " + GridSecret.file(etc) + " (mode 0600), the same secret as the grid's first HQ")));
    }

    private KeyPair open(Versioned stored, GridSecret secret) throws IOException {
        SealedKey sealed = JsonValues.read(KEY, stored, SealedKey.class);
        byte[] privateKey;
        try {
            privateKey = sealed.open(secret);
        } catch (SealedKey.WrongSecretException e) {
            throw new IOException("the grid secret from " + secret.origin() + " does not open the grid's agent key in"
                    + " the store (" + KEY + "): give this HQ the same secret as the grid's first HQ");
        }
        KeyPair pair = readPair(privateKey);
        if (!publicLine(pair).equals(sealed.publicKey())) {
            throw new IOException("the grid's agent key in the store (" + KEY + ") does not match its public key;"
                    + " restore it from a backup of the store");
        }
        writePublicLine(sealed.publicKey());
        return pair;
    }

    private Optional<GridSecret> secret() throws IOException {
        try {
            return GridSecret.find(environment, etc);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private GridSecret made() throws IOException {
        GridSecret secret = GridSecret.make(etc);
        LOG.info("made the grid secret {}: it seals the grid's agent key in the store; back it up, and give every"
                + " other HQ the same one ({} or etc/grid_secret)", secret.origin(), GridSecret.VARIABLE);
        return secret;
    }

    private KeyPair homeKeyOrNew() throws IOException {
        Path file = AgentKey.privateKey(etc);
        if (Files.isRegularFile(file)) {
            return AgentConnector.readKeyPair(file);
        }
        try {
            return KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make the grid's agent key: " + e.getMessage(), e);
        }
    }

    private void writePublicLine(String line) throws IOException {
        Path file = AgentKey.publicKey(etc);
        String content = line + "\n";
        if (!Files.exists(file) || !Files.readString(file).equals(content)) {
            AtomicFiles.write(file, content.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String publicLine(KeyPair pair) {
        return PublicKeyEntry.toString(pair.getPublic()) + " quarry-hq";
    }

    private static byte[] privateBytes(KeyPair pair) throws IOException {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "quarry-hq", null, bytes);
            return bytes.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the grid's agent key: " + e.getMessage(), e);
        }
    }

    private static KeyPair readPair(byte[] privateKey) throws IOException {
        try {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(KEY_TEXT),
                    new ByteArrayInputStream(privateKey), null);
            Iterator<KeyPair> found = pairs == null ? null : pairs.iterator();
            if (found != null && found.hasNext()) {
                return found.next();
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IOException("the grid's agent key in the store (" + KEY + ") opens but is not an OpenSSH key ("
                    + e.getMessage() + "); restore it from a backup of the store", e);
        }
        throw new IOException("the grid's agent key in the store (" + KEY + ") holds no key pair; restore it from a"
                + " backup of the store");
    }
}
