package dev.quarry.slicegrid;

import dev.quarry.slicegrid.model.Block;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.slicegrid.model.Slice;
import dev.quarry.slicegrid.placement.FilterChain;
import dev.quarry.slicegrid.placement.Occupancy;
import dev.quarry.slicegrid.placement.Placement;
import dev.quarry.slicegrid.placement.Placer;
import dev.quarry.slicegrid.placement.Refusal;
import java.util.function.Consumer;

/**
 * One placement, in the order of the phases: the placer picks among blocks that pass the filters (first
 * keeping replicas of the node apart, then not), and when none passes the grid either asks for a block
 * (below {@code max}) or refuses with the reasons counted.
 */
record PlacementStep(Occupancy occupancy, Placer placer, GridLimits limits, GridOptions options, Consumer<GridEvent> fire) {

    Placement place(Slice slice) {
        int slot = Placer.NO_BLOCK;
        if (occupancy.hasReplicas(slice.node())) {
            slot = placer.choose(slice, occupancy, FilterChain.SPREAD);
        }
        if (slot == Placer.NO_BLOCK) {
            slot = placer.choose(slice, occupancy, FilterChain.REQUIRED);
        }
        if (slot != Placer.NO_BLOCK) {
            occupancy.assign(slot, slice);
            Block block = occupancy.block(slot);
            fire.accept(new GridEvent.Added(block, slice));
            return new Placement.OnBlock(block);
        }
        if (limits.mayCreate(occupancy.blockCount())) {
            limits.requested();
            Resources capacity = options.newBlockCapacity().atLeast(slice.demand());
            fire.accept(new GridEvent.Create(capacity, slice.requiredTags(), slice));
            return new Placement.NeedsNewBlock(capacity, slice.requiredTags());
        }
        return new Placement.Refused(Refusal.explain(slice, occupancy, FilterChain.REQUIRED, limits.fullNote()));
    }
}
