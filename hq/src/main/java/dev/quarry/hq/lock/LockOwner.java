package dev.quarry.hq.lock;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who holds a deploy lock: the HQ process (pid and start time, so a reused pid is not mistaken for
 * the owner), what it is doing, and since when.
 *
 * @param pid the owning process
 * @param processStart when that process started, or {@link Instant#EPOCH} when unknown
 * @param holder what holds the lock, such as {@code push by alice}
 * @param since when the lock was taken
 */
public record LockOwner(long pid, Instant processStart, String holder, Instant since) {
    public LockOwner {
        requireNonNull(processStart, "processStart is null");
        requireNonNull(holder, "holder is null");
        requireNonNull(since, "since is null");
        holder = holder.replaceAll("[\\r\\n]", " ");
    }

    /** This process as an owner. */
    public static LockOwner current(String holder, Instant since) {
        ProcessHandle self = ProcessHandle.current();
        return new LockOwner(self.pid(), self.info().startInstant().orElse(Instant.EPOCH), holder, since);
    }

    /** Whether the owning process still runs: same pid and, when known, the same start time. */
    public boolean alive() {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        Optional<Instant> start = process.get().info().startInstant();
        return start.isEmpty() || processStart.equals(Instant.EPOCH) || start.get().equals(processStart);
    }

    /** Whether this is the process asking. */
    public boolean isCurrentProcess() {
        return pid == ProcessHandle.current().pid();
    }

    String toText() {
        return "pid=" + pid + "\nprocess-start=" + processStart + "\nholder=" + holder + "\nsince=" + since + "\n";
    }

    /** Reads what {@link #toText} wrote, or empty when the text is not a lock owner. */
    static Optional<LockOwner> fromText(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        text.lines().forEach(line -> {
            int equals = line.indexOf('=');
            if (equals > 0) {
                fields.put(line.substring(0, equals), line.substring(equals + 1));
            }
        });
        try {
            return Optional.of(new LockOwner(Long.parseLong(fields.get("pid")),
                    Instant.parse(fields.get("process-start")), fields.getOrDefault("holder", "unknown"),
                    Instant.parse(fields.get("since"))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** For waiting users: {@code push by alice (HQ pid 123, since 2026-11-23T17:40:01Z)}. */
    public String describe() {
        return holder + " (HQ pid " + pid + ", since " + since + ")";
    }
}
