package dev.quarry.locknet.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostAddressTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "10.0.0.1, 10.0.0.1, IPV4",
        "255.255.255.254, 255.255.255.254, IPV4",
        "127.0.0.2, 127.0.0.2, IPV4",
        "fd00::1, fd00::1, IPV6",
        "FD00:0:0:0::0:1, fd00::1, IPV6",
        "2001:0db8:0000:0000:0001:0000:0000:0001, 2001:db8::1:0:0:1, IPV6",
        "1::2:3:4:5:6:7, 1:0:2:3:4:5:6:7, IPV6",
        "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0, IPV6",
        "::1, ::1, IPV6",
        "::1.2.3.4, ::102:304, IPV6",
        "2001:db8:0:0:0:0:0:0, 2001:db8::, IPV6",
    })
    void readsAddressesIntoTheirCanonicalForm(String input, String canonical, Family family) {
        assertEquals(new HostAddress(family, canonical), HostAddress.parse(input));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "1.2.3", "1.2.3.4.5", "256.0.0.1", "010.0.0.1", "1.2.3.-4", "1.2.3.4/32", "host.example.com", "",
        " 10.0.0.1", "10.0.0.1\n-A INPUT -j ACCEPT", "-j ACCEPT", "--dport", "fd00::1%eth0", "[fd00::1]",
        "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::1", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "fd00::1.2.3",
        "1.2.3.4::1", "0x0a.0.0.1"
    })
    void refusesAnythingButOneAddress(String input) {
        LocknetInputException refused = assertThrows(LocknetInputException.class, () -> HostAddress.parse(input));
        assertEquals("locknet: " + Shown.quoted(input)
                + " is not an IPv4 or IPv6 address; write a grid host's address such as 10.0.0.1 or fd00::1",
                refused.getMessage());
    }

    @Test
    void theMessageStaysOneLineWhateverTheInputHolds() {
        LocknetInputException refused = assertThrows(LocknetInputException.class,
                () -> HostAddress.parse("10.0.0.1\n-A INPUT -j ACCEPT"));
        assertEquals("locknet: \"10.0.0.1\\n-A INPUT -j ACCEPT\" is not an IPv4 or IPv6 address; "
                + "write a grid host's address such as 10.0.0.1 or fd00::1", refused.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "0.0.0.0 | locknet: \"0.0.0.0\" is the unspecified address, not a host; write a grid host's address such as 10.0.0.1",
        ":: | locknet: \"::\" is the unspecified address, not a host; write a grid host's address such as 10.0.0.1",
        "224.0.0.1 | locknet: \"224.0.0.1\" is a multicast address, not a host",
        "ff02::1 | locknet: \"ff02::1\" is a multicast address, not a host",
        "::ffff:10.0.0.1 | locknet: \"::ffff:10.0.0.1\" is an IPv4-mapped IPv6 address; write it as 10.0.0.1",
    })
    void refusesAddressesThatAreNoHost(String input, String message) {
        assertEquals(message, assertThrows(LocknetInputException.class, () -> HostAddress.parse(input)).getMessage());
    }

    @Test
    void sortsIpv4BeforeIpv6ThenByValue() {
        List<HostAddress> sorted = List.of("fd00::10", "10.0.0.10", "fd00::9", "10.0.0.9", "9.0.0.1").stream()
                .map(HostAddress::parse).sorted().toList();
        assertEquals("[9.0.0.1, 10.0.0.9, 10.0.0.10, fd00::9, fd00::10]", sorted.toString());
    }

    @Test
    void aSourceNamesExactlyOneHost() {
        assertEquals("10.0.0.1/32", HostAddress.parse("10.0.0.1").asSource());
        assertEquals("fd00::1/128", HostAddress.parse("fd00::1").asSource());
    }

    @Test
    void theRecordOnlyHoldsCanonicalText() {
        assertThrows(IllegalArgumentException.class, () -> new HostAddress(Family.IPV6, "FD00::1"));
        assertThrows(IllegalArgumentException.class, () -> new HostAddress(Family.IPV4, "fd00::1"));
    }
}
