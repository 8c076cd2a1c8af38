package dev.quarry.agent.process;

import dev.quarry.agent.runtime.Instance;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the sandbox an earlier agent started for a container, by pid, start time and cgroup: the recorded
 * pid counts only while it runs, started when the record says and, where the container has cgroups, is in
 * them. Otherwise (the agent was killed between starting it and writing its pid down, or the pid was reused)
 * the container's cgroups name it: their one leader ({@link SandboxLeader}) is adopted. What is left in them
 * without a leader is killed, as when a container's first process ends, so a restart finds its port free.
 */
final class SandboxFinder {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxFinder.class);

    private final Cgroups cgroups;

    SandboxFinder(Cgroups cgroups) {
        this.cgroups = cgroups;
    }

    Optional<Instance> find(String id, String handle, Instant startedAt) {
        Optional<Instance> recorded = handle == null || !handle.matches("[0-9]{1,10}") ? Optional.empty()
                : ProcessInstance.find(Long.parseLong(handle), startedAt);
        if (!cgroups.exists(id)) {
            return recorded;
        }
        List<ProcessStat> members = cgroups.members(id).stream()
                .flatMap(pid -> ProcessStat.read(pid).stream()).toList();
        if (recorded.isPresent() && members.stream().anyMatch(member -> member.pid() == Long.parseLong(handle))) {
            return recorded;
        }
        Optional<ProcessStat> leader = SandboxLeader.among(members);
        if (leader.isPresent()) {
            Optional<Instance> adopted = ProcessInstance.adopt(leader.get().pid());
            adopted.ifPresent(found -> LOG.info("found {} by its cgroup: pid {} (recorded: {})", id, found.handle(),
                    handle == null ? "none" : handle));
            return adopted;
        }
        if (!members.isEmpty()) {
            LOG.info("{}: {} processes left in its cgroup without their sandbox's leader; killing them", id,
                    members.size());
            cgroups.killMembers(id);
        }
        return Optional.empty();
    }
}
