package dev.quarry.agent.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Memory, cpu and process limits for process containers through cgroups, v2 (one unified hierarchy) or
 * v1 (one hierarchy per controller): one cgroup per agent ({@code quarry-AGENT}), one per container
 * below it. A limit whose controller is missing, or where the agent may not write, is not enforced and
 * {@link #unenforced} says why, for the container's status.
 */
final class Cgroups {
    static final List<String> CONTROLLERS = List.of("memory", "cpu", "pids");
    private static final Duration DELETE_WAIT = Duration.ofSeconds(5);
    /** Joins the cgroup.procs files named before {@code --}, then becomes the command after it. */
    private static final String JOIN = "while [ \"$1\" != -- ]; do echo $$ > \"$1\" || exit 125; shift; done;"
            + " shift; exec \"$@\"";

    private final boolean unified;
    private final Map<String, Path> agentGroups;
    private final Map<String, String> missing;

    private Cgroups(boolean unified, Map<String, Path> agentGroups, Map<String, String> missing) {
        this.unified = unified;
        this.agentGroups = Map.copyOf(agentGroups);
        this.missing = Map.copyOf(missing);
    }

    /** Looks at {@code root} (normally /sys/fs/cgroup) and makes the agent's cgroups where it can. */
    static Cgroups detect(Path root, String agentId) {
        String name = "quarry-" + agentId;
        if (Files.isRegularFile(root.resolve("cgroup.controllers"))) {
            return CgroupsV2.detect(root, name);
        }
        Map<String, Path> groups = new LinkedHashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        for (String controller : CONTROLLERS) {
            Path hierarchy = root.resolve(controller);
            if (!Files.isRegularFile(hierarchy.resolve("cgroup.procs"))) {
                missing.put(controller, "this machine has no cgroup " + controller + " controller (v2 at " + root
                        + " or v1 at " + hierarchy + ")");
                continue;
            }
            try {
                groups.put(controller, Files.createDirectories(hierarchy.resolve(name)));
            } catch (IOException | RuntimeException e) {
                missing.put(controller, "cannot make a cgroup under " + hierarchy + " (" + e.getMessage()
                        + "); run the agent as root");
            }
        }
        return new Cgroups(false, groups, missing);
    }

    static Cgroups of(boolean unified, Map<String, Path> agentGroups, Map<String, String> missing) {
        return new Cgroups(unified, agentGroups, missing);
    }

    /** One line per limit the container asks for that this machine cannot enforce. */
    List<String> unenforced(Limits limits) {
        List<String> notes = new ArrayList<>();
        for (String controller : CONTROLLERS) {
            if (limits.has(controller) && missing.containsKey(controller)) {
                notes.add(controller + " limit not enforced: " + missing.get(controller));
            }
        }
        return notes;
    }

    /**
     * Makes the cgroups named {@code name} (a container's id, or a build's or hook's name) with its limits;
     * answers the cgroup.procs files its first process joins.
     */
    List<Path> create(String name, Limits limits) throws IOException {
        Set<Path> procs = new LinkedHashSet<>();
        for (Map.Entry<String, Path> entry : agentGroups.entrySet()) {
            if (!limits.has(entry.getKey())) {
                continue;
            }
            Path group = Files.createDirectories(entry.getValue().resolve(name));
            for (Map.Entry<String, String> setting : CgroupFiles.settings(entry.getKey(), limits, unified).entrySet()) {
                write(group.resolve(setting.getKey()), setting.getValue());
            }
            procs.add(group.resolve("cgroup.procs"));
        }
        return List.copyOf(procs);
    }

    /** How many times the kernel killed a process of the container for memory since its cgroup was made. */
    long outOfMemoryKills(String name) {
        Path group = agentGroups.get("memory");
        if (group == null) {
            return 0;
        }
        Path file = group.resolve(name).resolve(unified ? "memory.events" : "memory.oom_control");
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                if (line.startsWith("oom_kill ")) {
                    return Long.parseLong(line.substring("oom_kill ".length()).strip());
                }
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Whether a cgroup named {@code name} exists in any of the agent's hierarchies. */
    boolean exists(String name) {
        return Set.copyOf(agentGroups.values()).stream().anyMatch(group -> Files.isDirectory(group.resolve(name)));
    }

    /** The pids in the cgroups named {@code name}, over every hierarchy; none when there are no such cgroups. */
    Set<Long> members(String name) {
        Set<Long> pids = new TreeSet<>();
        for (Path group : Set.copyOf(agentGroups.values())) {
            Path procs = group.resolve(name).resolve("cgroup.procs");
            try {
                for (String line : Files.readAllLines(procs, StandardCharsets.US_ASCII)) {
                    if (line.strip().matches("[0-9]{1,10}")) {
                        pids.add(Long.parseLong(line.strip()));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no such cgroup in this hierarchy
            }
        }
        return pids;
    }

    /**
     * Removes the cgroups named {@code name}, waiting up to 5 s for the processes still leaving them (the
     * kernel empties a sandbox's cgroups just after its first process ended); any process still in one
     * (what a fork bomb left, on a loaded machine) is killed, since nothing of the ended command may outlive it.
     */
    void delete(String name) {
        for (Path group : Set.copyOf(agentGroups.values())) {
            long deadline = System.nanoTime() + DELETE_WAIT.toNanos();
            while (!deleted(group.resolve(name)) && System.nanoTime() - deadline < 0) {
                killLeftovers(group.resolve(name));
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Kills what the builds and hooks of an earlier agent on this home left running and removes their cgroups:
     * their output went to that agent, and a build run again must not share its folder with the old one.
     */
    void clearCommands() {
        Set<String> names = new TreeSet<>();
        for (Path group : Set.copyOf(agentGroups.values())) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(group, "{build,hook,run}@*")) {
                children.forEach(child -> names.add(child.getFileName().toString()));
            } catch (IOException e) {
                // no agent cgroup here yet
            }
        }
        names.forEach(this::delete);
    }

    /** Kills, by PID, every process in the cgroups named {@code name} (what is left of an ended container). */
    void killMembers(String name) {
        for (Path group : Set.copyOf(agentGroups.values())) {
            killLeftovers(group.resolve(name));
        }
    }

    /** Kills, by PID, the processes still in {@code group} (a cgroup of one ended command, so all are its own). */
    private static void killLeftovers(Path group) {
        Path procs = group.resolve("cgroup.procs");
        if (!Files.exists(procs)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(procs, StandardCharsets.US_ASCII)) {
                if (line.strip().matches("[0-9]{1,10}")) {
                    ProcessHandle.of(Long.parseLong(line.strip())).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone meanwhile, or not ours to read: the deletion is tried again
        }
    }

    private static boolean deleted(Path group) {
        try {
            Files.deleteIfExists(group);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Removes the agent's own cgroups when no container's is left in them (an agent closing after its tests). */
    void close() {
        for (Path group : Set.copyOf(agentGroups.values())) {
            try {
                Files.deleteIfExists(group);
            } catch (IOException e) {
                // containers still run in it, for the next agent to adopt
            }
        }
    }

    /** {@code command} preceded by joining {@code procs}: its first process joins them, then becomes the command. */
    static List<String> joining(List<Path> procs, List<String> command) {
        List<String> line = new ArrayList<>(List.of("sh", "-c", JOIN, "quarry-join"));
        procs.forEach(file -> line.add(file.toString()));
        line.add("--");
        line.addAll(command);
        return line;
    }

    static void write(Path file, String value) throws IOException {
        Files.writeString(file, value, StandardCharsets.US_ASCII);
    }
}
