package dev.quarry.hq.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.locknet.grid.LocknetInputException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the firewall refuses or leaves alone before it contacts any agent. */
class GridFirewallInputTest {
    private static final FirewallAgents NEVER = host -> {
        throw new AssertionError("no agent should be contacted, but " + host.name() + " was");
    };

    @Test
    void hostsSharingANameOrAnAddressAreRefusedBeforeAnythingIsApplied() {
        GridFirewall firewall = new GridFirewall(NEVER, FirewallSettings.DEFAULT);

        IllegalArgumentException sameAddress = assertThrows(IllegalArgumentException.class, () -> firewall.apply(
                List.of(FirewallHost.of("s1", "10.0.0.1", 2200, Set.of()), FirewallHost.of("s2", "10.0.0.1", 2200,
                        Set.of()))));
        IllegalArgumentException sameName = assertThrows(IllegalArgumentException.class, () -> firewall.apply(
                List.of(FirewallHost.of("s1", "10.0.0.1", 2200, Set.of()), FirewallHost.of("s1", "10.0.0.2", 2200,
                        Set.of()))));

        assertEquals("hosts s1 and s2 share the address 10.0.0.1; give each host its own address",
                sameAddress.getMessage());
        assertEquals("two firewall hosts are named s1; give each host its own name", sameName.getMessage());
    }

    @Test
    void onlyAddressesAreAcceptedAndTheyAreKeptCanonical() {
        LocknetInputException name = assertThrows(LocknetInputException.class,
                () -> FirewallHost.of("s1", "s1.example.com", 2200, Set.of()));

        assertEquals("locknet: \"s1.example.com\" is not an IPv4 or IPv6 address; write a grid host's address such"
                + " as 10.0.0.1 or fd00::1", name.getMessage());
        assertEquals("fd00::1", FirewallHost.of("s1", "FD00:0:0::1", 2200, Set.of()).address());
        assertThrows(IllegalArgumentException.class,
                () -> FirewallSettings.DEFAULT.withConfirmTimeout(Duration.ofMillis(100)));
    }

    @Test
    void localServersOnThisMachinesLoopbackAreLeftAlone() {
        FirewallReport report = new GridFirewall(NEVER, FirewallSettings.DEFAULT).apply(List.of(
                FirewallHost.of("s1", "127.0.5.2", 2200, Set.of()),
                FirewallHost.of("s2", "127.0.5.3", 2201, Set.of())));

        assertEquals(List.of("s1 (127.0.5.2): not applied: it is on this machine's loopback (a local server); HQ leaves"
                + " its own machine's firewall alone", "s2 (127.0.5.3): not applied: it is on this machine's loopback"
                + " (a local server); HQ leaves its own machine's firewall alone"), report.lines());
        assertEquals("locknet: 0 of 2 hosts kept the new rules; not applied: s1, s2", report.summary());
    }

    @Test
    void noHostsMakeAnEmptyReport() {
        FirewallReport report = new GridFirewall(NEVER, FirewallSettings.DEFAULT).apply(List.of());

        assertEquals(List.of(), report.results());
        assertEquals("locknet: 0 of 0 hosts kept the new rules", report.summary());
    }
}
