package dev.quarry.hq.launch;

import dev.quarry.agent.client.AgentClient;
import dev.quarry.agent.client.AgentException;
import dev.quarry.agent.health.HealthVerdict;
import dev.quarry.agent.protocol.Answers;
import dev.quarry.agent.runtime.PrepareRequest;
import dev.quarry.hq.build.BuildLogWriter;
import dev.quarry.hq.build.BuildLogs;
import dev.quarry.hq.build.BuildStore;
import dev.quarry.hq.grid.Grid;
import dev.quarry.hq.grid.Parallel;
import dev.quarry.hq.grid.ServerChoice;
import dev.quarry.hq.grid.ServerSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Starting containers on the grid: reserve room for each (slicegrid), send each server the release's
 * source and prepare the release there once (its build's output shown line by line as it runs; a node with a build
 * is built once for the grid and the built release sent to the other servers instead of the source, see
 * {@link BuildShipping}), start every container at once across servers, and wait
 * until each is healthy or past its deadline. One per launch or reconcile of a stack.
 */
public final class ContainerBoot {
    private final Grid grid;
    private final Path source;
    private final Progress progress;
    private final BuildLogs buildLogs;
    /** What starts a line of a build's or a hook's output on the push. */
    static final String OUTPUT = "       | ";

    private final Once once = new Once();
    private final BuildShipping shipping;

    /** @param progress hears when the grid adds a server for a container */
    public ContainerBoot(Grid grid, Path source, Progress progress) {
        this.grid = grid;
        this.source = source;
        this.progress = progress;
        this.buildLogs = BuildLogs.besideSource(source);
        this.shipping = new BuildShipping(grid, BuildStore.besideSource(source), once, progress);
    }

    /** Reserves room for each container (where it already has room, that); a full grid fails the launch. */
    public List<Placed> place(List<ContainerPlan> plans) {
        List<Placed> placed = new ArrayList<>();
        for (ContainerPlan plan : plans) {
            Optional<ServerSettings> reserved = grid.serverOf(plan.id().toString());
            if (reserved.isPresent()) {
                placed.add(new Placed(plan, reserved.get()));
                continue;
            }
            switch (grid.place(plan.slice(), progress::line)) {
                case ServerChoice.Placed on -> placed.add(new Placed(plan, on.server()));
                case ServerChoice.NoRoom full -> throw new LaunchFailure(plan.target() + ": cannot place "
                        + plan.id() + ": " + full.reason(), List.of());
            }
        }
        return placed;
    }

    /** Sends the release's source to the container's server and prepares its release there, once each. */
    public void ready(Placed placed, Map<String, String> env) {
        ContainerPlan plan = placed.plan();
        AgentClient agent = grid.agent(placed.server());
        String server = placed.server().id();
        Runnable sendSource = () -> once.run("source " + server + " " + plan.id().release(),
                () -> agent.sendSource(plan.id().stack(), plan.id().release(), realSource()));
        Runnable prepare = () -> once.run("prepare " + server + " " + plan.target() + " " + plan.id().release(),
                () -> prepare(agent, plan, env, server));
        String key = plan.needsSource() ? BuildKey.of(plan, realSource(), env) : null;
        if (key != null) {
            once.run("build " + server + " " + plan.id().release() + " " + key,
                    () -> shipping.bring(agent, server, plan, key, () -> {
                        sendSource.run();
                        prepare.run();
                    }));
        } else if (plan.needsSource()) {
            sendSource.run();
        }
        prepare.run();
    }

    /** Prepares the release on one server, its build's lines shown as they come, then how long it took. */
    private void prepare(AgentClient agent, ContainerPlan plan, Map<String, String> env, String server) {
        BuildLogWriter log = buildLogs.start(plan.id().stack(), plan.id().release(), plan.id().node(), server);
        PrepareRequest request = ContainerRequests.prepare(plan, env, BuildKey.of(plan, realSource(), env));
        Answers.Prepared prepared;
        try {
            prepared = agent.prepare(request, line -> {
                log.line(line);
                buildLine(line);
            });
        } catch (RuntimeException e) {
            log.finish(false);
            throw e;
        }
        log.finish(prepared.built());
        if (prepared.built()) {
            progress.line("-----> build " + plan.id().node() + " (" + Seconds.of(prepared.elapsedMillis()) + ")");
        } else if (prepared.reusedRelease() > 0) {
            progress.line("-----> build " + plan.id().node() + ": reused the build of release "
                    + prepared.reusedRelease() + " (same source and build commands) on " + server + " ("
                    + Seconds.of(prepared.elapsedMillis()) + ")");
        }
    }

    /** One line of a build or a hook as it runs: {@code remote:        | LINE}. */
    void buildLine(String text) {
        synchronized (progress) {
            progress.line(OUTPUT + text);
        }
    }

    /** The folder the source link names: a tar of the link itself would hold nothing. */
    private Path realSource() {
        try {
            return source.toRealPath();
        } catch (IOException e) {
            throw new LaunchFailure("the source of " + source.getParent().getFileName() + " is missing from "
                    + source + ": " + e.getMessage() + "; push the app again", List.of());
        }
    }

    /** Readies, starts and health-checks every container at once; answers how each went, in order. */
    public List<Booted> start(List<Placed> placed, Function<ContainerPlan, Map<String, String>> env) {
        return Parallel.map(placed, one -> boot(one, env.apply(one.plan())));
    }

    private Booted boot(Placed placed, Map<String, String> env) {
        AgentClient agent = grid.agent(placed.server());
        String id = placed.plan().id().toString();
        try {
            ready(placed, env);
        } catch (AgentException e) {
            return new Booted(placed, false, e.error(), e.lines(), List.of(), Booted.Failed.BUILD);
        }
        try {
            List<String> notes = agent.start(ContainerRequests.start(placed.plan(), placed.server().host(), env)).notes();
            HealthVerdict verdict = agent.health(id);
            String reason = verdict.healthy() ? "" : verdict.reason() + " after "
                    + Seconds.of(verdict.elapsedMillis());
            Booted.Failed failed = verdict.healthy() ? Booted.Failed.NOT
                    : verdict.ended() ? Booted.Failed.ENDED : Booted.Failed.HEALTH;
            return new Booted(placed, verdict.healthy(), reason, verdict.logs(), notes, failed);
        } catch (AgentException e) {
            if (e.exitStatus() == AgentException.UNREACHED) {
                return Booted.unreached(placed, e.getMessage());
            }
            return new Booted(placed, false, e.getMessage(), e.lines(), List.of(), Booted.Failed.START);
        } catch (IllegalArgumentException e) {
            return new Booted(placed, false, e.getMessage(), List.of(), List.of(), Booted.Failed.START);
        }
    }
}
