package dev.quarry.hq.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.testsupport.Commands;
import dev.quarry.testsupport.SshKeys;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which public keys keys add accepts, with keys made by the real ssh-keygen. */
class PublicKeyLineTest {
    @TempDir
    Path root;

    @Test
    void ed25519EcdsaAndLongRsaKeysAreAccepted() {
        for (String type : List.of("ed25519", "ecdsa", "rsa")) {
            SshKeys.KeyFiles key = SshKeys.generate(root.resolve(type), "bob", type);
            PublicKeyLine line = PublicKeyLine.parse(key.publicKeyLine() + "\n");
            assertEquals(key.publicKeyLine(), line.line());
            assertTrue(line.fingerprint().startsWith("SHA256:"), line.fingerprint());
        }
    }

    @Test
    void rsaUnder2048BitsIsRefused() {
        Path folder = root.resolve("weak");
        Commands.run(List.of("mkdir", "-p", folder.toString()), root, Map.of()).requireSuccess();
        Commands.run(List.of("ssh-keygen", "-q", "-t", "rsa", "-b", "1024", "-N", "", "-f", folder.resolve("weak")
                .toString()), folder, Map.of()).requireSuccess();
        String line = new SshKeys.KeyFiles(folder.resolve("weak"), folder.resolve("weak.pub")).publicKeyLine();
        assertEquals("this RSA key has 1024 bits; HQ accepts RSA keys of 2048 bits or more; make an ed25519 key:"
                + " ssh-keygen -t ed25519", assertThrows(IllegalArgumentException.class,
                        () -> PublicKeyLine.parse(line)).getMessage());
    }

    @Test
    void dsaIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("DSA");
        generator.initialize(2048);
        String line = PublicKeyEntry.toString(generator.generateKeyPair().getPublic()) + " old";
        assertTrue(line.startsWith("ssh-dss "), line);
        assertEquals("DSA keys are refused (weak, and OpenSSH no longer accepts them); make an ed25519 key:"
                + " ssh-keygen -t ed25519", assertThrows(IllegalArgumentException.class,
                        () -> PublicKeyLine.parse(line)).getMessage());
    }

    @Test
    void optionsPrivateKeysAndGarbageAreRefusedInOneLine() {
        String ed25519 = SshKeys.ed25519(root.resolve("ok"), "bob").publicKeyLine();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PublicKeyLine.parse("command=\"sh\" " + ed25519))
                .getMessage().startsWith("\"command=\"sh\"\" is not a key type HQ accepts ("));
        assertEquals("that is a private key; send the public one (the .pub file) and keep the private key to"
                + " yourself", assertThrows(IllegalArgumentException.class,
                        () -> PublicKeyLine.parse("-----BEGIN OPENSSH PRIVATE KEY-----")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PublicKeyLine.parse("ssh-ed25519 AAAAnot"))
                .getMessage().startsWith("not a readable public key"));
        assertEquals("no public key on standard input; send one line such as: ssh-ed25519 AAAA... you@laptop (the"
                + " .pub file of your key)", assertThrows(IllegalArgumentException.class,
                        () -> PublicKeyLine.parse(" \n")).getMessage());
    }
}
