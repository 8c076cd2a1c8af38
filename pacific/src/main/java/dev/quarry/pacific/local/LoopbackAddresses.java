package dev.quarry.pacific.local;

import java.util.Set;

/**
 * The loopback addresses local servers get, in order: 127.0.0.2, 127.0.0.3, ... 127.0.0.254, 127.0.1.2, ...
 * (Linux routes all of 127.0.0.0/8 to {@code lo}). Skipped: 127.0.0.1 (HQ and the router), 127.0.1.1 (Debian's
 * address for the host name), 127.0.0.53 and 127.0.0.54 (systemd-resolved), and every X.0 and X.255.
 */
final class LoopbackAddresses {
    private static final Set<String> RESERVED = Set.of("127.0.0.1", "127.0.1.1", "127.0.0.53", "127.0.0.54");
    private static final int LAST_THIRD_OCTET = 255;

    private LoopbackAddresses() {}

    /** The {@code index}-th usable address (0 is 127.0.0.2). */
    static String nth(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("address index must not be negative, got " + index);
        }
        int seen = -1;
        for (int third = 0; third <= LAST_THIRD_OCTET; third++) {
            for (int fourth = 1; fourth <= 254; fourth++) {
                String address = "127.0." + third + "." + fourth;
                if (!RESERVED.contains(address) && ++seen == index) {
                    return address;
                }
            }
        }
        throw new IllegalArgumentException("no loopback address number " + index + " in 127.0.0.0/16");
    }

    static boolean isLoopback(String address) {
        return address.matches("127\\.0\\.([0-9]{1,3})\\.([0-9]{1,3})") && !RESERVED.contains(address);
    }
}
