package dev.quarry.agent.process;

import dev.quarry.agent.home.AgentHome;
import dev.quarry.agent.hook.HookRequest;
import dev.quarry.agent.hook.HookResult;
import dev.quarry.agent.runtime.BuildOutcome;
import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.Instance;
import dev.quarry.agent.runtime.Launcher;
import dev.quarry.agent.runtime.OneOff;
import dev.quarry.agent.runtime.OutputLines;
import dev.quarry.agent.runtime.PrepareRequest;
import dev.quarry.agent.runtime.RuntimeFailure;
import dev.quarry.agent.sandbox.Sandbox;
import dev.quarry.compiler.spec.RuntimeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Starts process containers: {@code sh -c RUN} in the stack's bubblewrap sandbox over its release
 * ({@code sources/STACK/RELEASE/}, read-only at {@code /app}), as the stack's own user, with the
 * container's env plus HOST and PORT, output appended to its capped log file, inside its own cgroups
 * (memory, cpu, processes) where the machine has them. Refuses when the machine cannot sandbox.
 */
public final class ProcessLauncher implements Launcher {
    private final AgentHome home;
    private final long logCap;
    private final Cgroups cgroups;
    private final StackSandbox sandbox;
    private final BuildSteps builds;
    private final ProcessHooks hooks;
    private final ProcessOneOffs oneOffs;
    private final LogRotation rotation;

    /**
     * @param cgroupRoot where cgroups are mounted, normally /sys/fs/cgroup
     * @param logCap the size at which a container's log moves to LOG.1
     */
    public ProcessLauncher(AgentHome home, Path cgroupRoot, long logCap) {
        this(home, cgroupRoot, logCap, Sandbox.detect(List.of(home.root())));
    }

    /**
     * With a sandbox checked elsewhere (tests pass one that finds no bwrap). Builds and hooks an earlier agent on
     * this home left running are killed (their output went to it; a build run again must not share their folder).
     */
    public ProcessLauncher(AgentHome home, Path cgroupRoot, long logCap, Sandbox sandbox) {
        this.home = home;
        this.logCap = logCap;
        this.cgroups = Cgroups.detect(cgroupRoot, home.agentId());
        this.cgroups.clearCommands();
        this.sandbox = new StackSandbox(home, sandbox);
        this.builds = new BuildSteps(home, this.sandbox, new CommandRun(cgroups));
        this.hooks = new ProcessHooks(home, this.sandbox, new CommandRun(cgroups));
        this.oneOffs = new ProcessOneOffs(this.sandbox, new CommandRun(cgroups));
        this.rotation = new LogRotation(home.root().resolve("logs"), logCap);
    }

    /** Why process containers are refused on this machine, or empty when they run. */
    public Optional<String> refusal() {
        return sandbox.sandbox().unavailable();
    }

    @Override
    public RuntimeKind kind() {
        return RuntimeKind.PROCESS;
    }

    @Override
    public BuildOutcome prepare(PrepareRequest request, OutputLines output) {
        sandbox.sandbox().require();
        if (request.buildKey() == null || request.build().isEmpty()) {
            source(request.stack(), request.release());
        }
        return builds.ensure(request, home.source(request.stack(), request.release()), output);
    }

    @Override
    public Instance launch(ContainerRequest request) {
        prepare(PrepareRequest.of(request));
        Path folder = source(request.stack(), request.release());
        LogFile log = log(request);
        log.rotateIfOver();
        try {
            List<Path> joined = cgroups.create(request.id(), limits(request));
            List<String> command = new ArrayList<>(List.of("setsid"));
            command.addAll(Cgroups.joining(joined, sandbox.command(request.stack(), folder, false, request.run())));
            log.note("-----> quarry: starting " + request.id() + " at " + Instant.now() + ": " + request.run());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(folder.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.path().toFile()))
                    .redirectErrorStream(true);
            ProcessEnvironment.fill(builder.environment(), environment(request));
            return ProcessInstance.started(builder.start());
        } catch (IOException e) {
            throw new RuntimeFailure("cannot start " + request.id() + " in " + folder + ": "
                    + RuntimeFailure.firstLine(e) + "; check that setsid, sh and bwrap are installed", e);
        }
    }

    private static Limits limits(ContainerRequest request) {
        return new Limits(request.memoryMebibytes(), request.cpuMillicores(), Limits.PROCESSES);
    }

    static Map<String, String> environment(ContainerRequest request) {
        Map<String, String> env = new TreeMap<>(request.env());
        env.put("HOST", request.host());
        env.put("PORT", Integer.toString(request.port()));
        return env;
    }

    @Override
    public Optional<Instance> reattach(ContainerRequest request, String handle, Instant startedAt) {
        return new SandboxFinder(cgroups).find(request.id(), handle, startedAt);
    }

    /** Process containers are known only from the state file (a start is written there before it launches). */
    @Override
    public List<ContainerRequest> discover() {
        return List.of();
    }

    @Override
    public List<String> logs(ContainerRequest request, int lines) {
        return log(request).tail(lines);
    }

    @Override
    public void discard(ContainerRequest request) {
        log(request).delete();
        cgroups.delete(request.id());
    }

    @Override
    public List<String> notes(ContainerRequest request) {
        List<String> notes = new ArrayList<>();
        sandbox.sandbox().unavailable().ifPresent(notes::add);
        notes.addAll(cgroups.unenforced(limits(request)));
        long killed = cgroups.outOfMemoryKills(request.id());
        if (killed > 0) {
            notes.add("killed: out of memory (" + killed + (killed == 1 ? " time" : " times") + ", limit "
                    + request.memoryMebibytes() + " MiB)");
        }
        return notes;
    }

    @Override
    public HookResult runHook(HookRequest request, OutputLines output) {
        sandbox.sandbox().require();
        return hooks.run(request, source(request.prepare().stack(), request.prepare().release()), output);
    }

    @Override
    public int runOnce(OneOff oneOff, OutputLines output, BooleanSupplier wanted) {
        sandbox.sandbox().require();
        return oneOffs.run(oneOff, source(oneOff.container().stack(), oneOff.container().release()), output, wanted);
    }

    @Override
    public void close() {
        rotation.close();
        cgroups.close();
    }

    private Path source(String stack, int release) {
        Path folder = home.source(stack, release);
        if (!Files.isDirectory(folder)) {
            throw new RuntimeFailure("no source for " + stack + " release " + release + " on this server (" + folder
                    + "); send it first with receive-source");
        }
        return folder;
    }

    private LogFile log(ContainerRequest request) {
        return new LogFile(home.log(request.containerId()), logCap);
    }
}
