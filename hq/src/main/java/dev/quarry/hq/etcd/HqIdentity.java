package dev.quarry.hq.etcd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This HQ process as other HQs sharing an etcd see it, in lock holders and election proposals.
 *
 * @param host the machine's name
 * @param pid the process id
 */
public record HqIdentity(String host, long pid) {
    private static final Path KERNEL_HOST_NAME = Path.of("/proc/sys/kernel/hostname");

    /** This process, on this machine (the name the kernel knows; no name service is asked). */
    public static HqIdentity current() {
        return new HqIdentity(hostName(), ProcessHandle.current().pid());
    }

    /** {@code HQ pid 123 on hq-1}. */
    public String describe() {
        return "HQ pid " + pid + " on " + host;
    }

    private static String hostName() {
        try {
            String name = Files.readString(KERNEL_HOST_NAME).strip();
            return name.isEmpty() ? "an unnamed host" : name;
        } catch (IOException e) {
            return "an unnamed host";
        }
    }
}
