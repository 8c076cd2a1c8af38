package dev.quarry.agent.liveness;

import dev.quarry.agent.runtime.LivenessReport;
import dev.quarry.agent.runtime.ProbeOutcome;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last {@value LivenessReport#KEPT} probes of one container, across its instances. Thread-safe. */
public final class ProbeHistory {
    private final Deque<ProbeOutcome> recent = new ArrayDeque<>();

    public synchronized void add(ProbeOutcome outcome) {
        recent.addLast(outcome);
        while (recent.size() > LivenessReport.KEPT) {
            recent.removeFirst();
        }
    }

    public synchronized List<ProbeOutcome> recent() {
        return List.copyOf(recent);
    }

    public synchronized boolean isEmpty() {
        return recent.isEmpty();
    }
}
