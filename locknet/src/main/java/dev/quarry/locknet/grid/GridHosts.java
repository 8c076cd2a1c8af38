package dev.quarry.locknet.grid;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.List;

/**
 * The addresses of every host in the grid (this one included), sorted and without repeats.
 *
 * @param addresses at least one address; given in any order, kept sorted
 */
public record GridHosts(List<HostAddress> addresses) {

    public GridHosts {
        requireNonNull(addresses, "addresses is null");
        addresses = addresses.stream().map(address -> requireNonNull(address, "an address is null"))
                .sorted().distinct().toList();
        if (addresses.isEmpty()) {
            throw new LocknetInputException("no grid hosts given; list every host's address, e.g. 10.0.0.1 10.0.0.2");
        }
    }

    /** Reads the addresses as a user wrote them, such as the lines of a hosts file; the first bad one is refused. */
    public static GridHosts parse(Collection<String> inputs) {
        requireNonNull(inputs, "inputs is null");
        return new GridHosts(inputs.stream().map(HostAddress::parse).toList());
    }

    public static GridHosts of(String... inputs) {
        return parse(List.of(inputs));
    }

    /** The hosts of one family, in order. */
    public List<HostAddress> of(Family family) {
        return addresses.stream().filter(address -> address.family() == family).toList();
    }
}
