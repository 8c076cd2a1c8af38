package dev.quarry.agent.verbs;

import dev.quarry.agent.health.HealthChecker;
import dev.quarry.agent.health.HealthTarget;
import dev.quarry.agent.health.HealthVerdict;
import dev.quarry.agent.hook.HookRequest;
import dev.quarry.agent.hook.HookResult;
import dev.quarry.agent.hook.Hooks;
import dev.quarry.agent.ports.PortAllocator;
import dev.quarry.agent.protocol.Answers;
import dev.quarry.agent.protocol.OneOffRequest;
import dev.quarry.agent.runtime.BuildOutcome;
import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.ContainerState;
import dev.quarry.agent.runtime.ContainerStatus;
import dev.quarry.agent.runtime.OneOff;
import dev.quarry.agent.runtime.OutputLines;
import dev.quarry.agent.runtime.PrepareRequest;
import dev.quarry.agent.runtime.Runtime;
import dev.quarry.agent.runtime.RuntimeFailure;
import dev.quarry.compiler.spec.RuntimeKind;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The agent's containers across its runtimes: picks the runtime by kind (or finds the one that
 * knows an id), hands out ports, runs health checks and hooks. Every method is idempotent by id.
 */
public final class Containers {
    private final Map<RuntimeKind, Runtime> runtimes;
    private final Map<RuntimeKind, String> missing;
    private final PortAllocator ports;
    private final HealthChecker health;
    private final Hooks hooks;
    private final OneOffs oneOffs = new OneOffs();

    /**
     * @param runtimes the runtimes this server has
     * @param missing why each absent runtime is absent ("the Docker daemon does not answer: ...")
     */
    public Containers(Map<RuntimeKind, Runtime> runtimes, Map<RuntimeKind, String> missing, PortAllocator ports,
            HealthChecker health, Hooks hooks) {
        this.runtimes = Map.copyOf(runtimes);
        this.missing = Map.copyOf(missing);
        this.ports = ports;
        this.health = health;
        this.hooks = hooks;
    }

    public ContainerStatus start(ContainerRequest request) {
        Optional<Runtime> known = holder(request.id());
        if (known.isPresent()) {
            if (known.get().kind() != request.kind()) {
                throw new RuntimeFailure(request.id() + " already runs here as a " + word(known.get().kind())
                        + " container; remove it first to start it as " + word(request.kind()));
            }
            return known.get().start(known.get().request(request.id()).orElse(request));
        }
        Runtime runtime = runtime(request.kind());
        int port = request.port() != null ? ports.reserve(request.id(), request.host(), request.port())
                : ports.assign(request.id(), request.host());
        try {
            return runtime.start(request.withPort(port));
        } catch (RuntimeException e) {
            if (runtime.status(request.id()).isEmpty()) {
                ports.release(request.id());
            }
            throw e;
        }
    }

    public Answers.Stopped stop(String id, Duration grace) {
        Optional<ContainerStatus> stopped = holder(id).flatMap(runtime -> runtime.stop(id, grace));
        return new Answers.Stopped(id, stopped.isPresent(), stopped.orElse(null));
    }

    public Answers.Stopped remove(String id, Duration grace) {
        boolean known = false;
        for (Runtime runtime : runtimes.values()) {
            known |= runtime.remove(id, grace);
        }
        ports.release(id);
        return new Answers.Stopped(id, known, null);
    }

    public List<ContainerStatus> list() {
        return runtimes.values().stream().flatMap(runtime -> runtime.list().stream())
                .sorted(Comparator.comparing(ContainerStatus::id)).toList();
    }

    public List<String> logs(String id, int lines) {
        return holder(id).map(runtime -> runtime.logs(id, lines)).orElse(List.of());
    }

    public HealthVerdict health(String id) throws InterruptedException {
        Optional<Runtime> runtime = holder(id);
        if (runtime.isEmpty()) {
            return new HealthVerdict(id, false, "this agent does not know " + id + "; start it first", 0, 0, List.of(),
                    true);
        }
        ContainerRequest request = runtime.get().request(id).orElseThrow();
        HealthVerdict verdict = health.check(new HealthTarget(request, () -> runtime.get().status(id),
                lines -> runtime.get().logs(id, lines)));
        if (verdict.healthy()) {
            runtime.get().passed(id);
        }
        return verdict;
    }

    public BuildOutcome prepare(PrepareRequest request, OutputLines output) {
        return runtime(request.kind()).prepare(request, output);
    }

    public HookResult runHook(HookRequest request, OutputLines output) {
        Runtime runtime = runtime(request.prepare().kind());
        return hooks.run(request, hook -> runtime.runHook(hook, output));
    }

    /**
     * Runs a one-off command beside a running container (its release, env, sandbox and limits) to its end, listed
     * by {@link #oneOffs} meanwhile; its output lines to {@code output}; killed when {@code wanted} turns false.
     */
    public Answers.Ran runOnce(OneOffRequest request, OutputLines output, BooleanSupplier wanted) {
        Optional<Runtime> runtime = holder(request.from());
        ContainerRequest container = runtime.flatMap(found -> found.request(request.from()))
                .orElseThrow(() -> new RuntimeFailure("this agent runs no container " + request.from()
                        + "; name one that list shows"));
        Optional<ContainerStatus> status = runtime.get().status(request.from());
        if (status.isEmpty() || status.get().state() != ContainerState.RUNNING) {
            throw new RuntimeFailure(request.from() + " does not run now; a one-off runs beside a running container");
        }
        ContainerRequest started = container.withPort(status.get().port());
        String id = oneOffs.begin(started, request.program());
        try {
            int exit = runtime.get().runOnce(new OneOff(id, started, request.shellLine(), request.timeout()), output,
                    wanted);
            return new Answers.Ran(id, Math.max(exit, 0), exit == OneOff.TIMED_OUT);
        } finally {
            oneOffs.end(id);
        }
    }

    /** The one-off commands running now, as {@code list} shows them. */
    public List<ContainerStatus> oneOffs() {
        return oneOffs.list();
    }

    /** Ids of the containers of a stack's release that run or will restart. */
    public List<String> activeIn(String stack, int release) {
        return list().stream().filter(status -> status.stack().equals(stack) && status.release() == release
                && status.state().isActive()).map(ContainerStatus::id).toList();
    }

    /** Why runtimes are missing, for list's notes. */
    public List<String> notes() {
        return missing.entrySet().stream().map(entry -> "no " + word(entry.getKey()) + " runtime: " + entry.getValue())
                .sorted().toList();
    }

    /** Stops watching every container, leaving them running for the next agent. */
    public void detach() {
        runtimes.values().forEach(Runtime::detach);
    }

    private Optional<Runtime> holder(String id) {
        return runtimes.values().stream().filter(runtime -> runtime.request(id).isPresent()).findFirst();
    }

    private Runtime runtime(RuntimeKind kind) {
        Runtime runtime = runtimes.get(kind);
        if (runtime == null) {
            throw new RuntimeFailure("this server cannot run " + word(kind) + " containers: "
                    + missing.getOrDefault(kind, "no such runtime"));
        }
        return runtime;
    }

    private static String word(RuntimeKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
