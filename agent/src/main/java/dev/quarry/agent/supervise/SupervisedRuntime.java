package dev.quarry.agent.supervise;

import dev.quarry.agent.health.HttpProbe;
import dev.quarry.agent.hook.HookRequest;
import dev.quarry.agent.hook.HookResult;
import dev.quarry.agent.liveness.LivenessMonitor;
import dev.quarry.agent.runtime.BuildOutcome;
import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.ContainerStatus;
import dev.quarry.agent.runtime.Launcher;
import dev.quarry.agent.runtime.OneOff;
import dev.quarry.agent.runtime.OutputLines;
import dev.quarry.agent.runtime.PrepareRequest;
import dev.quarry.agent.runtime.Runtime;
import dev.quarry.agent.state.RecordedContainer;
import dev.quarry.agent.state.StateStore;
import dev.quarry.compiler.spec.RuntimeKind;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BooleanSupplier;

/**
 * A Runtime made of a Launcher (Docker or processes) and a supervisor per container: idempotent by
 * id, restarts by policy, and every change written to the state file so the next agent finds it.
 */
public final class SupervisedRuntime implements Runtime {
    private final Launcher launcher;
    private final StateStore store;
    private final Supervision supervision;
    private final LivenessMonitor liveness;
    private final ConcurrentMap<String, Supervised> containers = new ConcurrentHashMap<>();

    private SupervisedRuntime(Launcher launcher, StateStore store, Clock clock, Sleeper sleeper,
            LivenessMonitor liveness) {
        this.launcher = launcher;
        this.store = store;
        this.liveness = liveness;
        this.supervision = new Supervision(launcher, clock, sleeper, this::remember,
                id -> store.update(state -> state.withContainer(id, null)), liveness);
    }

    /**
     * A runtime that first finds the containers an earlier agent on the same home left (see Recovery), and
     * probes the liveness of what runs with a monitor of its own.
     */
    public static SupervisedRuntime open(Launcher launcher, StateStore store, Clock clock, Sleeper sleeper) {
        return open(launcher, store, clock, sleeper, new LivenessMonitor(HttpProbe.sharedClient(), clock));
    }

    /** The same, probing liveness with {@code liveness}, which the runtime closes when it detaches. */
    public static SupervisedRuntime open(Launcher launcher, StateStore store, Clock clock, Sleeper sleeper,
            LivenessMonitor liveness) {
        SupervisedRuntime runtime = new SupervisedRuntime(launcher, store, clock, sleeper, liveness);
        new Recovery(launcher, store, runtime.supervision).recover().forEach(found ->
                runtime.containers.put(found.request().id(), found));
        return runtime;
    }

    @Override
    public RuntimeKind kind() {
        return launcher.kind();
    }

    @Override
    public BuildOutcome prepare(PrepareRequest request, OutputLines output) {
        return launcher.prepare(request, output);
    }

    @Override
    public ContainerStatus start(ContainerRequest request) {
        while (true) {
            Supervised container = containers.computeIfAbsent(request.id(),
                    id -> new Supervised(supervision, request, null));
            try {
                Optional<ContainerStatus> status = container.start();
                if (status.isPresent()) {
                    return status.get();
                }
            } catch (RuntimeException e) {
                if (!container.started()) {
                    containers.remove(request.id(), container);
                }
                throw e;
            }
            containers.remove(request.id(), container);
        }
    }

    @Override
    public Optional<ContainerStatus> stop(String id, Duration grace) {
        Supervised container = containers.get(id);
        return container == null || !container.started() ? Optional.empty() : Optional.of(container.stop(grace));
    }

    @Override
    public Optional<ContainerStatus> status(String id) {
        Supervised container = containers.get(id);
        return container == null || !container.started() ? Optional.empty() : Optional.of(container.status());
    }

    @Override
    public Optional<ContainerRequest> request(String id) {
        Supervised container = containers.get(id);
        return container == null || !container.started() ? Optional.empty() : Optional.of(container.request());
    }

    @Override
    public List<ContainerStatus> list() {
        return containers.values().stream().filter(Supervised::started).map(Supervised::status)
                .sorted(Comparator.comparing(ContainerStatus::id)).toList();
    }

    @Override
    public List<String> logs(String id, int lines) {
        Supervised container = containers.get(id);
        return container == null ? List.of() : launcher.logs(container.request(), lines);
    }

    @Override
    public boolean remove(String id, Duration grace) {
        Supervised container = containers.get(id);
        if (container == null) {
            return false;
        }
        container.stop(grace);
        launcher.discard(container.request());
        containers.remove(id, container);
        store.update(state -> state.withContainer(id, null));
        return true;
    }

    @Override
    public HookResult runHook(HookRequest request, OutputLines output) {
        return launcher.runHook(request, output);
    }

    @Override
    public int runOnce(OneOff oneOff, OutputLines output, BooleanSupplier wanted) {
        return launcher.runOnce(oneOff, output, wanted);
    }

    @Override
    public void passed(String id) {
        Supervised container = containers.get(id);
        if (container != null) {
            container.passed();
        }
    }

    @Override
    public void detach() {
        containers.values().forEach(Supervised::detach);
        liveness.close();
        launcher.close();
    }

    private void remember(RecordedContainer container) {
        store.update(state -> state.withContainer(container.request().id(), container));
    }
}
