package dev.quarry.pacific.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.pacific.provider.CloudFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Allocation is a pure function of what is taken (and which agent ports are busy). */
class LocalAllocatorTest {
    private static final LocalSettings SETTINGS = new LocalSettings(10000, 10299, 100, Duration.ofSeconds(1),
            Duration.ofMillis(10), Duration.ofSeconds(1));

    @Test
    void eachNewServerGetsTheNextNumberAndTheFirstFreeAddressAndBlock() throws CloudFailure {
        LocalAllocator allocator = new LocalAllocator(SETTINGS, (address, port) -> true);
        List<LocalAllocation> taken = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            taken.add(allocator.next(taken));
        }

        assertEquals(List.of(
                new LocalAllocation(1, "127.0.0.2", 10000, new PortRange(10001, 10099)),
                new LocalAllocation(2, "127.0.0.3", 10100, new PortRange(10101, 10199)),
                new LocalAllocation(3, "127.0.0.4", 10200, new PortRange(10201, 10299))), taken);
    }

    @Test
    void aFreedAddressAndBlockAreGivenAgainButNotTheNumber() throws CloudFailure {
        LocalAllocator allocator = new LocalAllocator(SETTINGS, (address, port) -> true);
        List<LocalAllocation> taken = List.of(new LocalAllocation(2, "127.0.0.3", 10100, new PortRange(10101, 10199)));

        assertEquals(new LocalAllocation(3, "127.0.0.2", 10000, new PortRange(10001, 10099)), allocator.next(taken));
    }

    @Test
    void aBlockWhoseAgentPortIsBusyIsSkipped() throws CloudFailure {
        Set<Integer> busy = Set.of(10000);
        LocalAllocator allocator = new LocalAllocator(SETTINGS, (address, port) -> !busy.contains(port));

        assertEquals(10100, allocator.next(List.of()).agentPort());
    }

    @Test
    void whenNoBlockIsLeftTheFailureSaysWhy() throws CloudFailure {
        LocalAllocator allocator = new LocalAllocator(SETTINGS, (address, port) -> true);
        List<LocalAllocation> taken = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            taken.add(allocator.next(taken));
        }

        CloudFailure failure = assertThrows(CloudFailure.class, () -> allocator.next(taken));

        assertEquals("pacific: no port block left for another local server (3 local servers, 3 blocks of 100 ports "
                + "from 10000 to 10299, the rest busy); remove a local server or free those ports", failure.getMessage());
    }

    @ParameterizedTest(name = "address {0} is {1}")
    @CsvSource({"0, 127.0.0.2", "50, 127.0.0.52", "51, 127.0.0.55", "250, 127.0.0.254", "251, 127.0.1.2",
        "252, 127.0.1.3"})
    void addressesSkipTheReservedOnes(int index, String address) {
        assertEquals(address, LoopbackAddresses.nth(index));
    }
}
