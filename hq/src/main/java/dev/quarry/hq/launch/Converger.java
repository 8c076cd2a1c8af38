package dev.quarry.hq.launch;

import dev.quarry.agent.runtime.ContainerState;
import dev.quarry.compiler.spec.StackSpec;
import dev.quarry.hq.grid.Grid;
import dev.quarry.hq.grid.GridListing;
import dev.quarry.hq.grid.RunningContainer;
import dev.quarry.hq.layout.Layout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Brings one stack on the grid to a layout: starts the containers it names that do not run (services
 * first), routes the stack to what runs, then, after the drain grace, removes every other container of
 * the stack (old releases, scaled-down or killed ones, leftovers of an interrupted launch) and frees
 * their room. The launcher ends with it (and rolls back with it); the reconciler runs it for each stack.
 * When a release becomes live ({@link #promote}) the old containers drain in the background, so the push
 * returns once the new release serves; containers draining so are left to that drain by every convergence.
 */
public final class Converger {
    private final Grid grid;
    private final Routing routing;
    private final Duration drainGrace;

    private final PublishedEnv published;

    /** What services publish, as kept in the state store. */
    PublishedEnv published() {
        return published;
    }

    public Converger(Grid grid, Routing routing, Duration drainGrace, PublishedEnv published) {
        this.published = published;
        this.grid = grid;
        this.routing = routing;
        this.drainGrace = drainGrace;
    }

    /**
     * Applies the stack's routes as they are now (the live release's containers that serve), starting and
     * removing nothing: what an HQ that does not lead the reconciling does, so its router follows.
     */
    public void route(String stack, StackSpec spec, Layout layout) {
        routing.apply(stack, spec, layout, grid.list());
    }

    /** Converges the stack; answers what it changed. Unhealthy containers are reported, not fatal. */
    public Convergence converge(String stack, StackSpec spec, Layout layout, Path source, Progress progress) {
        return converge(stack, spec, layout, source, false, progress);
    }

    /**
     * Converges the stack to a healthy release that becomes live, switching the router to the template of
     * its source (the only time a stack's template changes).
     */
    public Convergence promote(String stack, StackSpec spec, Layout layout, Path source, Progress progress) {
        return converge(stack, spec, layout, source, true, progress);
    }

    private Convergence converge(String stack, StackSpec spec, Layout layout, Path source, boolean switchTemplate,
            Progress progress) {
        List<ContainerPlan> desired = ContainerPlans.of(stack, spec, layout);
        GridListing listing = grid.list();
        Slices.adopt(grid, desired, listing);
        ContainerBoot boot = new ContainerBoot(grid, source, progress);
        int started = startMissing(boot, desired.stream().filter(ContainerPlan::isService).toList(), spec, layout,
                listing, progress);
        listing = started > 0 ? grid.list() : listing;
        int nodes = startMissing(boot, desired.stream().filter(plan -> !plan.isService()).toList(), spec, layout,
                listing, progress);
        listing = nodes > 0 ? grid.list() : listing;
        if (switchTemplate) {
            routing.switchTo(stack, spec, layout, listing, source);
        } else {
            routing.apply(stack, spec, layout, listing);
        }
        Set<String> wanted = desired.stream().map(plan -> plan.id().toString()).collect(Collectors.toSet());
        Set<String> draining = grid.draining();
        List<RunningContainer> orphans = ConvergeRules.orphans(stack, desired, listing).stream()
                .filter(container -> !draining.contains(container.id())).toList();
        boolean serving = orphans.stream().anyMatch(container -> container.status().state() == ContainerState.RUNNING);
        if (switchTemplate && serving && !drainGrace.isZero()) {
            Removal.drainInBackground(grid, orphans, listing, drainGrace, progress);
        } else {
            Removal.drainAndRemove(grid, orphans, listing, drainGrace, progress);
        }
        Slices.freeStale(grid, stack, wanted, listing);
        return new Convergence(started + nodes, orphans.stream().map(RunningContainer::id).toList());
    }

    private int startMissing(ContainerBoot boot, List<ContainerPlan> plans, StackSpec spec, Layout layout,
            GridListing listing, Progress progress) {
        List<ContainerPlan> missing = ConvergeRules.missing(plans, listing,
                id -> grid.serverOf(id).map(server -> server.id()));
        if (missing.isEmpty()) {
            return 0;
        }
        List<Booted> booted = boot.start(boot.place(missing), plan -> ContainerEnv.of(plan, spec, layout, listing,
                published));
        for (Booted one : booted) {
            one.noteLines().forEach(progress::line);
            progress.line("-----> started " + one.placed().plan().id() + " on " + one.placed().server().id()
                    + (one.healthy() ? ", healthy" : ", not healthy: " + one.reason()));
        }
        return booted.size();
    }

    /**
     * What a convergence changed.
     *
     * @param started containers it started
     * @param removed ids of the containers it removed
     */
    public record Convergence(int started, List<String> removed) {
        public Convergence {
            removed = List.copyOf(removed);
        }
    }
}
