package dev.quarry.hq.launch;

import dev.quarry.hq.grid.Grid;
import dev.quarry.hq.grid.GridListing;
import dev.quarry.hq.grid.RunningContainer;
import dev.quarry.slicegrid.BlockLoad;
import dev.quarry.slicegrid.model.Slice;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Keeping slicegrid's grid true to what the agents run. */
final class Slices {
    private Slices() {}

    /** Records each wanted container that runs where the grid does not have it (grid.json lost or stale). */
    static void adopt(Grid grid, List<ContainerPlan> wanted, GridListing listing) {
        for (ContainerPlan plan : wanted) {
            Optional<RunningContainer> found = listing.find(plan.id().toString());
            if (found.isEmpty()) {
                continue;
            }
            String runsOn = found.get().server().id();
            boolean known = grid.serverOf(plan.id().toString()).map(server -> server.id().equals(runsOn))
                    .orElse(false);
            if (!known) {
                grid.adopt(plan.slice(), runsOn);
            }
        }
    }

    /** Frees the room of the stack's containers that are neither wanted nor running anywhere. */
    static void freeStale(Grid grid, String stack, Set<String> wanted, GridListing listing) {
        for (BlockLoad load : grid.snapshot().blocks()) {
            if (listing.isUnknown(load.block().id())) {
                continue;
            }
            for (Slice slice : load.slices()) {
                boolean ours = slice.id().startsWith(stack + ".");
                if (ours && !wanted.contains(slice.id()) && listing.find(slice.id()).isEmpty()) {
                    grid.free(slice.id());
                }
            }
        }
    }
}
