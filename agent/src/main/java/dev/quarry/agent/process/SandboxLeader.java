package dev.quarry.agent.process;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which process in a container's cgroups is its sandbox's leader, as a pure rule: the one process whose
 * parent is outside the cgroups (the agent that started it, or init once that agent is gone) and that
 * leads its own process group ({@code setsid}). None, or more than one, means the leader ended and what is
 * left are leftovers, to be killed as when a container's first process ends.
 */
final class SandboxLeader {
    private SandboxLeader() {}

    /** The leader among {@code members} (the live processes of the container's cgroups), if there is one. */
    static Optional<ProcessStat> among(List<ProcessStat> members) {
        Set<Long> inside = members.stream().map(ProcessStat::pid).collect(Collectors.toSet());
        List<ProcessStat> tops = members.stream().filter(member -> !inside.contains(member.parent())).toList();
        if (tops.size() != 1 || !tops.getFirst().leadsItsGroup()) {
            return Optional.empty();
        }
        return Optional.of(tops.getFirst());
    }
}
