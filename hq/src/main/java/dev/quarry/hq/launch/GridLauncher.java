package dev.quarry.hq.launch;

import dev.quarry.agent.runtime.RuntimeFailure;
import dev.quarry.compiler.plan.Instruction;
import dev.quarry.compiler.plan.Plan;
import dev.quarry.hq.grid.Grid;
import dev.quarry.hq.layout.LayoutStore;
import dev.quarry.hq.layout.Target;
import dev.quarry.hq.layout.Targets;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher that runs a plan on the grid, instruction by instruction, streaming a line for each.
 * When every step is done, the layout is recorded beside the release and the stack is converged to it:
 * after the drain grace, the containers it no longer names (the old release's) are removed. When a step
 * fails, the stack is converged back to its live release: the new containers go, the old keep serving.
 * The caller holds the stack's deploy lock.
 */
public final class GridLauncher implements Launcher {
    private static final Logger LOG = LoggerFactory.getLogger(GridLauncher.class);

    private final Grid grid;
    private final Routing routing;
    private final Converger converger;
    private final Targets targets;
    private final LayoutStore layouts;

    public GridLauncher(Grid grid, Routing routing, Converger converger, Targets targets, LayoutStore layouts) {
        this.grid = grid;
        this.routing = routing;
        this.converger = converger;
        this.targets = targets;
        this.layouts = layouts;
    }

    @Override
    public LaunchResult launch(LaunchRequest request, Progress progress) {
        Plan plan = request.plan();
        String stack = plan.stack();
        Optional<Target> before = targets.of(stack);
        Target previous = before.orElseGet(() -> Target.nothing(stack));
        LaunchContext context = new LaunchContext(stack, plan.release(), request.spec(), request.source(), progress,
                grid, routing, previous.layout(), converger.published());
        try {
            for (Instruction instruction : plan.instructions()) {
                step(instruction, context);
            }
            layouts.save(stack, plan.release(), context.layout());
            converger.promote(stack, request.spec(), context.layout(), request.source(), progress);
            return new LaunchResult.Launched(routing.addresses(request.spec()), "");
        } catch (LaunchFailure failure) {
            rollBack(request, before, progress);
            return new LaunchResult.Failed(failure.getMessage(), failure.lines());
        } catch (RuntimeException e) {
            LOG.warn("the launch of {} release {} stopped", stack, plan.release(), e);
            rollBack(request, before, progress);
            return new LaunchResult.Failed("the launch stopped: " + RuntimeFailure.firstLine(e, "HQ")
                    + "; the previous release keeps serving, push again or see HQ's log", List.of());
        }
    }

    private static void step(Instruction instruction, LaunchContext context) {
        switch (instruction) {
            case Instruction.Ensure ensure -> EnsureStep.run(ensure, context);
            case Instruction.Deploy deploy -> DeployStep.run(deploy, context);
            case Instruction.Scale scale -> ScaleStep.run(scale, context);
            case Instruction.Route route -> RouteStep.run(route, context);
            case Instruction.Kill kill -> KillStep.run(kill, context);
        }
    }

    /** Converges the stack back to its live release: what this launch started goes, the old serves on. */
    private void rollBack(LaunchRequest request, Optional<Target> before, Progress progress) {
        String stack = request.plan().stack();
        if (before.isEmpty()) {
            progress.line("-----> the live release of " + stack + " no longer reads; left what runs as it is");
            return;
        }
        progress.line("-----> rolling back: " + (before.get().release() == 0 ? "removing what this launch started"
                : "release " + before.get().release() + " keeps serving; removing what this launch started"));
        try {
            converger.converge(stack, before.get().spec(), before.get().layout(), request.source(), progress);
        } catch (RuntimeException e) {
            LOG.warn("rolling back {} did not finish", stack, e);
            progress.line("-----> the rollback did not finish (" + RuntimeFailure.firstLine(e, "HQ")
                    + "); the reconciler retries it");
        }
    }
}
