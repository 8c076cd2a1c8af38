package dev.quarry.hq.launch;

import dev.quarry.agent.runtime.ContainerId;
import dev.quarry.compiler.plan.Instruction;
import dev.quarry.compiler.spec.ServiceSpec;
import dev.quarry.hq.grid.GridListing;
import dev.quarry.hq.grid.RunningContainer;
import dev.quarry.hq.layout.Layout;
import java.util.List;
import java.util.Optional;

/**
 * ENSURE: nothing when the service's container of the same spec hash runs; otherwise the service's
 * other containers are removed first (a service keeps its port and volumes, so two never run at once)
 * and one of this release is started on its declared port and awaited.
 */
final class EnsureStep {
    private EnsureStep() {}

    static void run(Instruction.Ensure ensure, LaunchContext context) {
        long started = System.nanoTime();
        ServiceSpec service = context.spec.services().get(ensure.name());
        GridListing listing = context.grid.list();
        Optional<RunningContainer> same = running(context, ensure, listing);
        if (same.isPresent()) {
            context.progress.line("-----> ENSURE " + ensure.target() + " " + ensure.details() + " already runs on "
                    + same.get().server().id() + " (" + same.get().address() + ")");
            return;
        }
        List<RunningContainer> others = listing.ofStack(context.stack).stream()
                .filter(container -> container.status().node().equals(ensure.name())).toList();
        Removal.removeNow(context.grid, others);
        ContainerPlan plan = ContainerPlan.ofService(context.stack, service, context.release);
        List<Placed> placed = context.boot.place(List.of(plan));
        context.start(placed);
        context.layout(context.layout().withService(ensure.name(), context.release, ensure.hash()));
        String address = context.grid.list().find(plan.id().toString()).map(RunningContainer::address).orElse("?");
        context.progress.line("-----> ENSURE " + ensure.target() + " " + ensure.details() + " healthy on "
                + LaunchContext.servers(placed) + " (" + address + ", " + Seconds.since(started) + ")");
    }

    private static Optional<RunningContainer> running(LaunchContext context, Instruction.Ensure ensure,
            GridListing listing) {
        Layout.ServiceLayout before = context.layout().services().get(ensure.name());
        if (before == null || !before.hash().equals(ensure.hash())) {
            return Optional.empty();
        }
        String id = new ContainerId(context.stack, ensure.name(), before.release(), 1).toString();
        return listing.find(id).filter(container -> container.status().state().isActive());
    }
}
