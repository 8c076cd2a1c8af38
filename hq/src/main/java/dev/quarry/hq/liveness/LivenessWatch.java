package dev.quarry.hq.liveness;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Watches servers by id: a virtual thread per server sends its heartbeat every {@code interval} and records
 * each answer; {@link #tick} applies the {@link LivenessRule} to the silence so far. The decisions are the
 * rule's; this class only carries the answers and the clock to it.
 */
public final class LivenessWatch implements AutoCloseable {
    /** Sends one heartbeat to a server's agent; throws when no answer came in time (the message says why). */
    @FunctionalInterface
    public interface Heartbeat {
        void beat(String serverId);
    }

    private final LivenessRule rule;
    private final Clock clock;
    private final Heartbeat heartbeat;
    private final Duration interval;
    private final Map<String, Thread> beating = new ConcurrentHashMap<>();
    private final Map<String, Liveness> states = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private boolean closed;

    public LivenessWatch(LivenessRule rule, Clock clock, Heartbeat heartbeat, Duration interval) {
        this.rule = requireNonNull(rule, "rule is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.heartbeat = requireNonNull(heartbeat, "heartbeat is null");
        this.interval = requireNonNull(interval, "interval is null");
    }

    public LivenessRule rule() {
        return rule;
    }

    /** Watches exactly these servers: new ones start up (as if they had just answered), gone ones are dropped. */
    public synchronized void watch(Set<String> serverIds) {
        if (closed) {
            return;
        }
        for (String id : Set.copyOf(beating.keySet())) {
            if (!serverIds.contains(id)) {
                beating.remove(id).interrupt();
                states.remove(id);
                failures.remove(id);
            }
        }
        for (String id : serverIds) {
            if (!beating.containsKey(id)) {
                states.put(id, rule.first(clock.instant()));
                Thread thread = Thread.ofVirtual().name("hq-heartbeat-" + id).unstarted(() -> beat(id));
                beating.put(id, thread);
                thread.start();
            }
        }
    }

    /** Beats until this thread is no longer the server's (the server left the watch, or the watch closed). */
    private void beat(String id) {
        while (beating.get(id) == Thread.currentThread()) {
            try {
                heartbeat.beat(id);
                failures.remove(id);
                update(id, before -> rule.answered(before, clock.instant()));
            } catch (RuntimeException e) {
                failures.put(id, String.valueOf(e.getMessage()));
            }
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Applies the silence since each server's last answer, as of now. */
    public void tick() {
        for (String id : Set.copyOf(states.keySet())) {
            update(id, before -> rule.silent(before, clock.instant()));
        }
    }

    /** A returning server's stale containers are gone: it is up again. */
    public void cleared(String serverId) {
        update(serverId, before -> rule.cleared(before, clock.instant()));
    }

    public Optional<Liveness> of(String serverId) {
        return Optional.ofNullable(states.get(serverId));
    }

    /** Why the server's last heartbeat got no answer; empty when it answered. */
    public Optional<String> failure(String serverId) {
        return Optional.ofNullable(failures.get(serverId));
    }

    private void update(String id, UnaryOperator<Liveness> change) {
        states.computeIfPresent(id, (key, before) -> change.apply(before));
    }

    @Override
    public synchronized void close() {
        closed = true;
        List<Thread> threads = List.copyOf(beating.values());
        beating.clear();
        threads.forEach(Thread::interrupt);
    }
}
