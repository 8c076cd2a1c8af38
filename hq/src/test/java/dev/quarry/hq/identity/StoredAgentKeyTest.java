package dev.quarry.hq.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.hq.grid.AgentKey;
import dev.quarry.hq.state.FileStateStore;
import dev.quarry.hq.state.StateStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grid's agent key in a shared store: the first HQ seals it, another HQ with an empty home and the same
 * secret opens the same key; a missing or wrong secret is one line saying what to fix; nothing private in clear.
 */
class StoredAgentKeyTest {
    private static final String SECRET = "correct horse battery staple";

    @TempDir
    Path root;

    private static java.math.BigInteger secret(KeyPair pair) {
        return ((java.security.interfaces.ECPrivateKey) pair.getPrivate()).getS();
    }

    @Test
    void aSecondHomeWithTheSameSecretGetsTheSameKeyAndNothingPrivateIsInClear() throws Exception {
        StateStore store = new FileStateStore(root.resolve("state"));
        Path etcA = root.resolve("a/etc");
        Path etcB = root.resolve("b/etc");
        KeyPair first = new StoredAgentKey(store, etcA, Map.of(GridSecret.VARIABLE, SECRET)).ensure();
        KeyPair second = new StoredAgentKey(store, etcB, Map.of(GridSecret.VARIABLE, SECRET)).ensure();

        assertEquals(secret(first), secret(second));
        assertEquals(Files.readString(AgentKey.publicKey(etcA)), Files.readString(AgentKey.publicKey(etcB)));
        assertFalse(Files.exists(AgentKey.privateKey(etcB)), "no private key file on the second HQ");
        assertFalse(Files.exists(GridSecret.file(etcA)), "a secret from the environment is not written");
        String record = store.read(StoredAgentKey.KEY).orElseThrow().text();
        assertFalse(record.contains(SECRET), record);
        assertFalse(record.contains("OPENSSH PRIVATE KEY"), record);
        assertFalse(record.contains(Base64.getEncoder().encodeToString(first.getPrivate().getEncoded())), record);
        assertTrue(record.contains("ecdsa-sha2-nistp256 AAAA"), record);
    }

    @Test
    void theFirstHqSealsTheKeyItsHomeHadAndMakesASecretFileOnlyItsUserReads() throws Exception {
        StateStore store = new FileStateStore(root.resolve("state"));
        Path etc = root.resolve("a/etc");
        KeyPair before = AgentKey.ensure(etc);
        KeyPair sealed = new StoredAgentKey(store, etc, Map.of()).ensure();

        assertEquals(secret(before), secret(sealed),
                "agents that trusted the home's key keep trusting it");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(GridSecret.file(etc))));
        String made = Files.readString(GridSecret.file(etc)).strip();
        KeyPair opened = new StoredAgentKey(store, root.resolve("b/etc"), Map.of(GridSecret.VARIABLE, made)).ensure();
        assertEquals(secret(before), secret(opened));
    }

    @Test
    void aMissingOrWrongSecretIsOneLineSayingWhatToFix() throws Exception {
        StateStore store = new FileStateStore(root.resolve("state"));
        new StoredAgentKey(store, root.resolve("a/etc"), Map.of(GridSecret.VARIABLE, SECRET)).ensure();

        IOException missing = assertThrows(IOException.class,
                () -> new StoredAgentKey(store, root.resolve("b/etc"), Map.of()).ensure());
        assertEquals("the grid's agent key in the store (grid/agent_key.json) is sealed and this HQ has no grid secret:"
                + " set QUARRY_GRID_SECRET or write it to " + root.resolve("b/etc/grid_secret") + " (mode 0600), the"
                + " same secret as the grid's first HQ", missing.getMessage());
        assertFalse(Files.exists(AgentKey.publicKey(root.resolve("b/etc"))));

        Path etcC = root.resolve("c/etc");
        Files.createDirectories(etcC);
        Files.writeString(GridSecret.file(etcC), "not the grid's secret at all\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(GridSecret.file(etcC), PosixFilePermissions.fromString("rw-------"));
        IOException wrong = assertThrows(IOException.class, () -> new StoredAgentKey(store, etcC, Map.of()).ensure());
        assertEquals("the grid secret from " + GridSecret.file(etcC) + " does not open the grid's agent key in the"
                + " store (grid/agent_key.json): give this HQ the same secret as the grid's first HQ", wrong.getMessage());
    }

    @Test
    void aSecretFileOthersMayReadOrATooShortSecretIsRefused() throws Exception {
        StateStore store = new FileStateStore(root.resolve("state"));
        Path etc = root.resolve("a/etc");
        Files.createDirectories(etc);
        Files.writeString(GridSecret.file(etc), SECRET);
        Files.setPosixFilePermissions(GridSecret.file(etc), PosixFilePermissions.fromString("rw-r--r--"));
        IOException open = assertThrows(IOException.class, () -> new StoredAgentKey(store, etc, Map.of()).ensure());
        assertEquals(GridSecret.file(etc) + " may be read by others (mode rw-r--r--); run chmod 600 "
                + GridSecret.file(etc), open.getMessage());

        IOException shortOne = assertThrows(IOException.class,
                () -> new StoredAgentKey(store, etc, Map.of(GridSecret.VARIABLE, "short")).ensure());
        assertEquals("the grid secret in the environment variable QUARRY_GRID_SECRET is shorter than 16 characters;"
                + " use a long random one, the same on every HQ (for example: openssl rand -base64 32)",
                shortOne.getMessage());
        assertFalse(store.read(StoredAgentKey.KEY).isPresent(), "nothing stored");
    }
}
