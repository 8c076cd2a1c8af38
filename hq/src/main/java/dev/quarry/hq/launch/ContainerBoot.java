package dev.quarry.hq.launch;

import dev.quarry.agent.client.AgentClient;
import dev.quarry.agent.client.AgentException;
import dev.quarry.agent.health.HealthVerdict;
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
 * source and prepare the release there once, start every container at once across servers, and wait
 * until each is healthy or past its deadline. One per launch or reconcile of a stack.
 */
public final class ContainerBoot {
    private final Grid grid;
    private final Path source;
    private final Progress progress;
    private final Once once = new Once();

    /** @param progress hears when the grid adds a server for a container */
    public ContainerBoot(Grid grid, Path source, Progress progress) {
        this.grid = grid;
        this.source = source;
        this.progress = progress;
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
        if (plan.needsSource()) {
            once.run("source " + server + " " + plan.id().release(),
                    () -> agent.sendSource(plan.id().stack(), plan.id().release(), realSource()));
        }
        once.run("prepare " + server + " " + plan.target() + " " + plan.id().release(),
                () -> agent.prepare(ContainerRequests.prepare(plan, env)));
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
            List<String> notes = agent.start(ContainerRequests.start(placed.plan(), placed.server().host(), env)).notes();
            HealthVerdict verdict = agent.health(id);
            String reason = verdict.healthy() ? "" : verdict.reason() + " after "
                    + Seconds.of(verdict.elapsedMillis());
            return new Booted(placed, verdict.healthy(), reason, verdict.logs(), notes, false);
        } catch (AgentException e) {
            if (e.exitStatus() == AgentException.UNREACHED) {
                return Booted.unreached(placed, e.getMessage());
            }
            return new Booted(placed, false, e.getMessage(), e.lines());
        } catch (IllegalArgumentException e) {
            return new Booted(placed, false, e.getMessage(), List.of());
        }
    }
}
