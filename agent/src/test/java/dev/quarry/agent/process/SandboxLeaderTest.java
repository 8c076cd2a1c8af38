package dev.quarry.agent.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which process of a container's cgroups an agent adopts as its sandbox's leader, as a table. */
class SandboxLeaderTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("nothing in the cgroups", List.of(), Optional.empty()),
                Arguments.of("the leader alone (its parent is init)", List.of(stat(100, 1, 100)), Optional.of(100L)),
                Arguments.of("the leader and the sandbox's processes below it",
                        List.of(stat(101, 100, 100), stat(100, 1, 100), stat(102, 101, 100)), Optional.of(100L)),
                Arguments.of("an app that made its own session below the leader",
                        List.of(stat(100, 1, 100), stat(105, 101, 105), stat(101, 100, 100)), Optional.of(100L)),
                Arguments.of("the leader ended: its children were given to init",
                        List.of(stat(101, 1, 100), stat(102, 101, 100)), Optional.empty()),
                Arguments.of("two tops: leftovers, not one sandbox",
                        List.of(stat(100, 1, 100), stat(200, 1, 200)), Optional.empty()),
                Arguments.of("the top leads no group of its own (not a sandbox's leader)",
                        List.of(stat(101, 7, 100)), Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theLeaderIsTheOneTopProcessLeadingItsGroup(String situation, List<ProcessStat> members,
            Optional<Long> leader) {
        assertEquals(leader, SandboxLeader.among(members).map(ProcessStat::pid));
    }

    private static ProcessStat stat(long pid, long parent, long group) {
        return new ProcessStat(pid, parent, group);
    }
}
