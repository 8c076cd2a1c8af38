package dev.quarry.locknet.grid;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Optional;

/**
 * One grid host's IP address in canonical text: dotted quad for IPv4, RFC 5952 for IPv6. Host names are
 * not accepted: resolving them would make the rules depend on DNS at the moment they are loaded.
 *
 * @param family IPv4 or IPv6
 * @param text the canonical text, such as {@code 10.0.0.1} or {@code fd00::1}
 */
public record HostAddress(Family family, String text) implements Comparable<HostAddress> {

    public HostAddress {
        requireNonNull(family, "family is null");
        requireNonNull(text, "text is null");
        Optional<byte[]> bytes = family == Family.IPV4 ? Ipv4Text.parse(text) : Ipv6Text.parse(text);
        if (bytes.isEmpty() || !format(family, bytes.get()).equals(text)) {
            throw new IllegalArgumentException(Shown.quoted(text) + " is not a canonical " + family.displayName() + " address");
        }
    }

    /** Reads a host address as a user wrote it; anything but one IPv4 or IPv6 host address is refused. */
    public static HostAddress parse(String input) {
        requireNonNull(input, "input is null");
        Optional<byte[]> ipv4 = Ipv4Text.parse(input);
        Optional<byte[]> ipv6 = ipv4.isPresent() ? Optional.empty() : Ipv6Text.parse(input);
        if (ipv4.isEmpty() && ipv6.isEmpty()) {
            throw new LocknetInputException(Shown.quoted(input)
                    + " is not an IPv4 or IPv6 address; write a grid host's address such as 10.0.0.1 or fd00::1");
        }
        Family family = ipv4.isPresent() ? Family.IPV4 : Family.IPV6;
        byte[] bytes = ipv4.orElseGet(ipv6::get);
        refuseNonHost(input, family, bytes);
        return new HostAddress(family, format(family, bytes));
    }

    private static void refuseNonHost(String input, Family family, byte[] bytes) {
        if (Arrays.equals(bytes, new byte[bytes.length])) {
            throw new LocknetInputException(Shown.quoted(input)
                    + " is the unspecified address, not a host; write a grid host's address such as 10.0.0.1");
        }
        boolean multicast = family == Family.IPV4 ? (bytes[0] & 0xf0) == 0xe0 : (bytes[0] & 0xff) == 0xff;
        if (multicast) {
            throw new LocknetInputException(Shown.quoted(input) + " is a multicast address, not a host");
        }
        if (family == Family.IPV6 && isIpv4Mapped(bytes)) {
            throw new LocknetInputException(Shown.quoted(input) + " is an IPv4-mapped IPv6 address; write it as "
                    + Ipv4Text.format(Arrays.copyOfRange(bytes, 12, 16)));
        }
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int index = 0; index < 10; index++) {
            if (bytes[index] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static String format(Family family, byte[] bytes) {
        return family == Family.IPV4 ? Ipv4Text.format(bytes) : Ipv6Text.format(bytes);
    }

    /** The address as an iptables source: {@code 10.0.0.1/32} or {@code fd00::1/128}. */
    public String asSource() {
        return text + "/" + family.hostPrefixLength();
    }

    /** IPv4 before IPv6, then by numeric value, so rulesets list hosts in one stable order. */
    @Override
    public int compareTo(HostAddress other) {
        int byFamily = family.compareTo(other.family);
        return byFamily != 0 ? byFamily : Arrays.compareUnsigned(bytes(), other.bytes());
    }

    private byte[] bytes() {
        return (family == Family.IPV4 ? Ipv4Text.parse(text) : Ipv6Text.parse(text)).orElseThrow();
    }

    @Override
    public String toString() {
        return text;
    }
}
