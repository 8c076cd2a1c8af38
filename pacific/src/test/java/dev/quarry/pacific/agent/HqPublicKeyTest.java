package dev.quarry.pacific.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HqPublicKeyTest {
    @Test
    void acceptsAnOpenSshKeyLineAndDropsTheLineBreak() {
        assertEquals("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE1x quarry@hq",
                new HqPublicKey("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE1x quarry@hq\n").line());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "AAAAC3Nz quarry@hq", "ssh-ed25519 AAAA\nruncmd: [rm, -rf, /]",
        "ssh-ed25519 AAAA quarry@hq'; reboot", "ssh-ed25519 AAAA two words", "ssh-dss AAAA"})
    void refusesAnythingElse(String text) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new HqPublicKey(text));
        assertEquals("HQ's public key is not one OpenSSH public key line (\"ssh-ed25519 AAAA... quarry@hq\"); "
                + "give the contents of HQ's .pub file", refused.getMessage());
    }
}
