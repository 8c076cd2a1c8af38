package dev.quarry.hq.endtoend;

import dev.quarry.agent.Agent;
import dev.quarry.agent.runtime.ContainerStatus;
import java.time.Duration;
import java.util.List;

/** What an agent in this JVM runs, for tests whose HQ is in another JVM (and may be killed). */
final class ActiveContainers {
    private ActiveContainers() {}

    /** Waits up to 90 s until the agent's active containers are exactly {@code ids}, sorted. */
    static void await(Agent agent, List<String> ids) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!of(agent).equals(ids)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + ids + "; the agent runs " + of(agent));
            }
            Thread.sleep(20);
        }
    }

    /** The ids of the containers the agent runs or restarts, sorted. */
    static List<String> of(Agent agent) {
        return agent.containers().list().stream().filter(status -> status.state().isActive())
                .map(ContainerStatus::id).sorted().toList();
    }

    /** Removes every container the agent has. */
    static void removeAll(Agent agent) {
        for (ContainerStatus status : agent.containers().list()) {
            agent.containers().remove(status.id(), Duration.ZERO);
        }
    }
}
