package dev.quarry.hq.release;

import dev.quarry.hq.launch.Progress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The progress lines of each stack's deploy in progress on this HQ (a push, config set, scale, rollback), as the
 * pusher sees them, for the dashboard to show live: the newest {@link #MOST_LINES}, forgotten when the deploy ends.
 */
public final class DeployFeed {
    /** At most this many lines of one deploy are kept (a long build's output keeps its tail). */
    public static final int MOST_LINES = 200;

    private final Map<String, Deque<String>> running = new ConcurrentHashMap<>();

    /** Starts following a deploy of {@code stack}: its lines go to {@code progress} and into this feed. */
    public Progress begin(String stack, Progress progress) {
        Deque<String> lines = new ArrayDeque<>();
        running.put(stack, lines);
        return text -> {
            progress.line(text);
            synchronized (lines) {
                lines.addLast(text);
                if (lines.size() > MOST_LINES) {
                    lines.removeFirst();
                }
            }
        };
    }

    /** The deploy of {@code stack} ended: its lines are forgotten. */
    public void end(String stack) {
        running.remove(stack);
    }

    /** The lines so far of the deploy of {@code stack} in progress; empty when none runs. */
    public List<String> lines(String stack) {
        Deque<String> lines = running.get(stack);
        if (lines == null) {
            return List.of();
        }
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Whether a deploy of {@code stack} is in progress on this HQ. */
    public boolean deploying(String stack) {
        return running.containsKey(stack);
    }
}
