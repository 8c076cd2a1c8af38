package dev.quarry.hq.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A hint names a command on an app the way the tool that prints it takes one. */
class HintSyntaxTest {
    @Test
    void overSshTheAppIsAWordAndThroughTheCliItIsTheAppOption() {
        HintSyntax cli = HintSyntax.ofClient("SSH-2.0-" + HintSyntax.CLI_IDENTIFICATION);
        HintSyntax ssh = HintSyntax.ofClient("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3");

        assertEquals("quarry config set KEY=VALUE --app ngs", cli.onApp("config", "ngs", "set KEY=VALUE"));
        assertEquals("ssh quarry@HQ config ngs set KEY=VALUE", ssh.onApp("config", "ngs", "set KEY=VALUE"));
        assertEquals("quarry releases --app ngs", cli.onApp("releases", "ngs", ""));
    }
}
