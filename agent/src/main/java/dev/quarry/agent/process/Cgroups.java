package dev.quarry.agent.process;

import dev.quarry.agent.runtime.ContainerId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Memory and cpu limits for process containers through cgroup v2: one cgroup per agent under the
 * hierarchy's root ({@code quarry-AGENT}), one per container below it. Where the machine has no
 * cgroup v2 with the memory controller, or the agent may not write there, containers run without
 * limits and their status says why.
 */
final class Cgroups {
    private final Path agentGroup;
    private final String unavailable;

    private Cgroups(Path agentGroup, String unavailable) {
        this.agentGroup = agentGroup;
        this.unavailable = unavailable;
    }

    /** Looks at {@code root} (normally /sys/fs/cgroup) and makes the agent's cgroup when it can. */
    static Cgroups detect(Path root, String agentId) {
        Path controllers = root.resolve("cgroup.controllers");
        if (!Files.isRegularFile(controllers)) {
            return new Cgroups(null, "cgroup v2 is not mounted at " + root + " (this machine has cgroup v1 or none)");
        }
        try {
            String available = Files.readString(controllers, StandardCharsets.US_ASCII);
            if (!(" " + available.strip() + " ").contains(" memory ")) {
                return new Cgroups(null, "the cgroup memory controller is not available at " + root);
            }
            String enable = (" " + available.strip() + " ").contains(" cpu ") ? "+memory +cpu" : "+memory";
            write(root.resolve("cgroup.subtree_control"), enable);
            Path group = Files.createDirectories(root.resolve("quarry-" + agentId));
            write(group.resolve("cgroup.subtree_control"), enable);
            return new Cgroups(group, null);
        } catch (IOException | RuntimeException e) {
            return new Cgroups(null, "cannot make a cgroup under " + root + " (" + e.getMessage()
                    + "); run the agent as root or in a delegated cgroup");
        }
    }

    /** Why limits are not enforced, or empty when they are. */
    Optional<String> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    /** Makes the container's cgroup with its limits and answers its cgroup.procs file; empty without cgroups. */
    Optional<Path> create(ContainerId id, int memoryMebibytes, int cpuMillicores) throws IOException {
        if (agentGroup == null || (memoryMebibytes == 0 && cpuMillicores == 0)) {
            return Optional.empty();
        }
        Path group = Files.createDirectories(agentGroup.resolve(id.toString()));
        if (memoryMebibytes > 0) {
            write(group.resolve("memory.max"), Long.toString(memoryMebibytes * 1024L * 1024L));
        }
        if (cpuMillicores > 0 && Files.exists(group.resolve("cpu.max"))) {
            write(group.resolve("cpu.max"), (cpuMillicores * 100) + " 100000");
        }
        return Optional.of(group.resolve("cgroup.procs"));
    }

    /** Removes the container's cgroup once nothing runs in it. */
    void delete(ContainerId id) {
        if (agentGroup != null) {
            try {
                Files.deleteIfExists(agentGroup.resolve(id.toString()));
            } catch (IOException e) {
                // still holds a process, or is gone; the kernel frees it with its last process
            }
        }
    }

    private static void write(Path file, String value) throws IOException {
        Files.writeString(file, value, StandardCharsets.US_ASCII);
    }
}
