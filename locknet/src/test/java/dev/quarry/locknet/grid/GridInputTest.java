package dev.quarry.locknet.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class GridInputTest {

    @Test
    void gridHostsAreSortedWithoutRepeats() {
        GridHosts hosts = GridHosts.of("10.0.0.2", "fd00::1", "10.0.0.1", "10.0.0.2", "FD00::1");
        assertEquals("[10.0.0.1, 10.0.0.2, fd00::1]", hosts.addresses().toString());
        assertEquals("[10.0.0.1, 10.0.0.2]", hosts.of(Family.IPV4).toString());
        assertEquals("[fd00::1]", hosts.of(Family.IPV6).toString());
    }

    @Test
    void aGridHasAtLeastOneHost() {
        assertEquals("locknet: no grid hosts given; list every host's address, e.g. 10.0.0.1 10.0.0.2",
                assertThrows(LocknetInputException.class, () -> GridHosts.parse(List.of())).getMessage());
    }

    @Test
    void theFirstBadHostIsNamed() {
        assertEquals("locknet: \"10.0.0\" is not an IPv4 or IPv6 address; write a grid host's address such as 10.0.0.1 or fd00::1",
                assertThrows(LocknetInputException.class, () -> GridHosts.of("10.0.0.1", "10.0.0", "x")).getMessage());
    }

    @Test
    void rolesAreReadCaseInsensitively() {
        assertEquals(Role.ROUTER, Role.parse("Router"));
        assertEquals(Role.HQ, Role.parse("hq"));
        assertEquals("locknet: role \"db\" is not one of server, router, hq",
                assertThrows(LocknetInputException.class, () -> Role.parse("db")).getMessage());
    }

    @Test
    void portsAreTcpPorts() {
        assertEquals(new Ports(22, 2222, 2200), Ports.DEFAULT);
        assertEquals("locknet: agent port 70000 is not a TCP port; use 1 to 65535",
                assertThrows(LocknetInputException.class, () -> new Ports(22, 2222, 70000)).getMessage());
        assertEquals("locknet: ssh port 0 is not a TCP port; use 1 to 65535",
                assertThrows(LocknetInputException.class, () -> new Ports(0, 2222, 2200)).getMessage());
    }

    @Test
    void shownInputIsEscapedAndShortened() {
        assertEquals("\"a\\tb\\u0000\\\"\"", Shown.quoted("a\tb\0\""));
        assertEquals("\"" + "x".repeat(60) + "...\"", Shown.quoted("x".repeat(200)));
    }
}
