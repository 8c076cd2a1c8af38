package dev.quarry.agent.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.quarry.agent.protocol.AgentJson;
import dev.quarry.agent.runtime.RuntimeFailure;
import dev.quarry.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which user id each stack runs as: handed out once from a reserved range and kept in the agent's
 * {@code stack-users.json} (written atomically, mode 0600) for good, so a stack's files stay its own
 * across releases and agent restarts. A new stack gets the next id after a point drawn from the agent's
 * id that no stack of this agent holds and no process on the machine runs as, so agents sharing a
 * machine (tests, local servers) rarely meet and never share a user with a running app.
 */
public final class StackUsers {
    /** The reserved range: far above the ids of people, system users and subordinate (container) ranges. */
    public static final long FIRST = 1_900_000_000L;
    public static final long LAST = 1_900_999_999L;
    private static final TypeReference<TreeMap<String, Long>> SHAPE = new TypeReference<>() {};

    private final Path file;
    private final long start;
    private final Map<String, Long> users;

    private StackUsers(Path file, long start, Map<String, Long> users) {
        this.file = file;
        this.start = start;
        this.users = users;
    }

    /** Reads {@code file} (none yet is fine); {@code agentId} spreads new ids apart from other agents'. */
    public static StackUsers open(Path file, String agentId) {
        long start = FIRST + Math.floorMod((long) agentId.hashCode(), 1000L) * 1000L;
        if (!Files.exists(file)) {
            return new StackUsers(file, start, new TreeMap<>());
        }
        try {
            return new StackUsers(file, start, AgentJson.mapper().readValue(file.toFile(), SHAPE));
        } catch (IOException e) {
            throw new RuntimeFailure("cannot read the stack users " + file + ": " + RuntimeFailure.firstLine(e)
                    + "; fix it, or move it away while no process container runs", e);
        }
    }

    /** The stack's user, handed out (and recorded) now when it has none. */
    public synchronized StackUser of(String stack) {
        Long known = users.get(stack);
        if (known != null) {
            return new StackUser(stack, known);
        }
        long id = nextFree();
        Map<String, Long> changed = new TreeMap<>(users);
        changed.put(stack, id);
        try {
            AtomicFiles.writeSecret(file, AgentJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(changed));
        } catch (IOException e) {
            throw new RuntimeFailure("cannot record the user of stack " + stack + " in " + file + ": "
                    + RuntimeFailure.firstLine(e) + "; check the agent's home is writable", e);
        }
        users.put(stack, id);
        return new StackUser(stack, id);
    }

    private long nextFree() {
        Set<Long> taken = new HashSet<>(users.values());
        taken.addAll(runningUsers());
        long size = LAST - FIRST + 1;
        for (long step = 0; step < size; step++) {
            long candidate = FIRST + Math.floorMod(start - FIRST + step, size);
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
        throw new RuntimeFailure("every user id from " + FIRST + " to " + LAST + " is taken; remove stacks");
    }

    /** The user ids processes on this machine run as (the owners of /proc/PID). */
    private static Set<Long> runningUsers() {
        Set<Long> running = new HashSet<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    running.add(((Number) Files.getAttribute(process, "unix:uid")).longValue());
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            // without /proc only the recorded ids are avoided
        }
        return running;
    }
}
