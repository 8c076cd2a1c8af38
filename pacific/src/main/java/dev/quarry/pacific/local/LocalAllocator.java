package dev.quarry.pacific.local;

import static java.util.Objects.requireNonNull;

import dev.quarry.pacific.provider.CloudFailure;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Picks the next local server's number, address and port block from those already given out: the next number,
 * the first free address and the first free block whose agent port can be bound. A pure function but for
 * the {@link PortCheck}.
 */
final class LocalAllocator {
    /** Whether {@code address:port} can be listened on now. */
    @FunctionalInterface
    interface PortCheck {
        boolean canListen(String address, int port);
    }

    private final LocalSettings settings;
    private final PortCheck check;

    LocalAllocator(LocalSettings settings, PortCheck check) {
        this.settings = requireNonNull(settings, "settings is null");
        this.check = requireNonNull(check, "check is null");
    }

    LocalAllocation next(Collection<LocalAllocation> taken) throws CloudFailure {
        int number = taken.stream().mapToInt(LocalAllocation::number).max().orElse(0) + 1;
        Set<String> addresses = new HashSet<>();
        taken.forEach(allocation -> addresses.add(allocation.address()));
        int addressIndex = 0;
        while (addresses.contains(LoopbackAddresses.nth(addressIndex))) {
            addressIndex++;
        }
        String address = LoopbackAddresses.nth(addressIndex);
        for (int block = 0; block < settings.blocks(); block++) {
            LocalAllocation candidate = new LocalAllocation(number, address, settings.agentPort(block),
                    settings.containerPorts(block));
            boolean free = taken.stream().noneMatch(candidate::clashesWith);
            if (free && check.canListen(address, candidate.agentPort())) {
                return candidate;
            }
        }
        throw new CloudFailure("no port block left for another local server (" + taken.size() + " local servers, "
                + settings.blocks() + " blocks of " + settings.portsPerServer() + " ports from " + settings.firstPort()
                + " to " + settings.lastPort() + ", the rest busy); remove a local server or free those ports");
    }
}
