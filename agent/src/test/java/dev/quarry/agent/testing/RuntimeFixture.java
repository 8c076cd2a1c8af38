package dev.quarry.agent.testing;

import dev.quarry.agent.health.HealthChecker;
import dev.quarry.agent.health.HealthTarget;
import dev.quarry.agent.health.HealthVerdict;
import dev.quarry.agent.health.HttpProbe;
import dev.quarry.agent.home.AgentHome;
import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.ContainerState;
import dev.quarry.agent.runtime.ContainerStatus;
import dev.quarry.agent.runtime.Launcher;
import dev.quarry.agent.runtime.Runtime;
import dev.quarry.agent.state.StateStore;
import dev.quarry.agent.supervise.Sleeper;
import dev.quarry.agent.supervise.SupervisedRuntime;
import java.time.Clock;
import java.time.Duration;

/**
 * A supervised runtime over a real launcher on a test home, with its health checker. Closing it
 * stops and removes every container it knows (by its own ids), also when the test failed.
 */
public final class RuntimeFixture implements AutoCloseable {
    private final Runtime runtime;
    private final HealthChecker health = new HealthChecker(Clock.systemUTC(), Sleeper.SYSTEM, HttpProbe.sharedClient());

    public RuntimeFixture(AgentHome home, Launcher launcher, Sleeper backoff) {
        this.runtime = SupervisedRuntime.open(launcher, StateStore.open(home.state()), Clock.systemUTC(), backoff);
    }

    public Runtime runtime() {
        return runtime;
    }

    /** Checks its health as the health verb does (a pass makes it up for the liveness monitor). */
    public HealthVerdict health(ContainerRequest request) throws InterruptedException {
        HealthVerdict verdict = health.check(new HealthTarget(request, () -> runtime.status(request.id()),
                lines -> runtime.logs(request.id(), lines)));
        if (verdict.healthy()) {
            runtime.passed(request.id());
        }
        return verdict;
    }

    public ContainerStatus status(String id) {
        return runtime.status(id).orElseThrow(() -> new AssertionError("the runtime does not know " + id));
    }

    /** Waits until the container is in {@code state}. */
    public ContainerStatus awaitState(String id, ContainerState state) {
        return Waits.until(id + " to be " + state, () -> status(id), status -> status.state() == state);
    }

    @Override
    public void close() {
        try {
            for (ContainerStatus status : runtime.list()) {
                runtime.remove(status.id(), Duration.ZERO);
            }
        } finally {
            runtime.detach();
        }
    }
}
