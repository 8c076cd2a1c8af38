package dev.quarry.hq.launch;

import dev.quarry.compiler.plan.Instruction;
import dev.quarry.compiler.spec.NodeSpec;
import dev.quarry.hq.grid.GridListing;
import dev.quarry.hq.layout.Layout;
import java.util.List;

/**
 * SCALE: the node keeps the release its containers run; up, the missing containers of that release are
 * started and awaited before the routes name them; down, the routes stop naming the extra ones, which
 * the end of the launch removes after the drain grace.
 */
final class ScaleStep {
    private ScaleStep() {}

    static void run(Instruction.Scale scale, LaunchContext context) {
        long started = System.nanoTime();
        NodeSpec node = context.spec.nodes().get(scale.name());
        Layout.NodeLayout before = context.layout().nodes().get(scale.name());
        int release = before == null ? context.release : before.release();
        int had = before == null ? 0 : before.scale();
        Layout.NodeLayout after = new Layout.NodeLayout(release, scale.scale());
        GridListing listing = context.grid.list();
        List<ContainerPlan> missing = ContainerPlans.ofNode(context.stack, node, after).stream()
                .filter(plan -> listing.find(plan.id().toString())
                        .filter(container -> container.status().state().isActive()).isEmpty())
                .toList();
        List<Placed> placed = context.boot.place(missing);
        context.start(placed);
        context.layout(context.layout().withNode(scale.name(), release, scale.scale()));
        if (node.routed()) {
            context.route();
        }
        String what = scale.scale() >= had
                ? placed.size() + " started" + (placed.isEmpty() ? "" : " on " + LaunchContext.servers(placed))
                : (had - scale.scale()) + " to stop after the drain";
        context.progress.line("-----> SCALE " + scale.target() + " " + had + " -> " + scale.scale() + ": " + what
                + " (" + Seconds.since(started) + ")");
    }
}
