package dev.quarry.hq.launch;

import dev.quarry.compiler.spec.StackSpec;
import dev.quarry.hq.grid.Grid;
import dev.quarry.hq.grid.GridListing;
import dev.quarry.hq.layout.Layout;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One launch in progress: the release being made, its spec and source, where its lines go, and the
 * layout so far, which each step moves forward (a node switches to the new release once its new
 * containers are healthy). Routes always follow that layout.
 */
final class LaunchContext {
    final String stack;
    final int release;
    final StackSpec spec;
    final Path source;
    final Progress progress;
    final Grid grid;
    final ContainerBoot boot;
    private final PublishedEnv published;
    private final Routing routing;
    private Layout layout;

    LaunchContext(String stack, int release, StackSpec spec, Path source, Progress progress, Grid grid,
            Routing routing, Layout layout, PublishedEnv published) {
        this.published = published;
        this.stack = stack;
        this.release = release;
        this.spec = spec;
        this.source = source;
        this.progress = progress;
        this.grid = grid;
        this.routing = routing;
        this.boot = new ContainerBoot(grid, source, progress);
        this.layout = layout;
    }

    Layout layout() {
        return layout;
    }

    void layout(Layout changed) {
        layout = changed;
    }

    Map<String, String> env(ContainerPlan plan, GridListing listing) {
        return ContainerEnv.of(plan, spec, layout, listing, published);
    }

    /** Starts the placed containers; the first that is not healthy fails the launch with its log lines. */
    List<Booted> start(List<Placed> placed) {
        GridListing listing = grid.list();
        List<Booted> booted = boot.start(placed, plan -> env(plan, listing));
        for (Booted one : booted) {
            one.noteLines().forEach(progress::line);
            if (!one.healthy()) {
                throw one.failure();
            }
        }
        return booted;
    }

    /** Routes the stack to the running containers of the layout so far (with the live template). */
    void route() {
        routing.apply(stack, spec, layout, grid.list());
    }

    /** {@code s1, s2}: the servers the containers went to. */
    static String servers(List<Placed> placed) {
        return placed.stream().map(one -> one.server().id()).collect(Collectors.toCollection(TreeSet::new))
                .stream().collect(Collectors.joining(", "));
    }
}
