package dev.quarry.slicegrid;

import static java.util.Objects.requireNonNull;

import dev.quarry.slicegrid.consolidation.ConsolidationPlan;
import dev.quarry.slicegrid.consolidation.Consolidator;
import dev.quarry.slicegrid.consolidation.Move;
import dev.quarry.slicegrid.consolidation.Packing;
import dev.quarry.slicegrid.model.Block;
import dev.quarry.slicegrid.model.BlockState;
import dev.quarry.slicegrid.model.Slice;
import dev.quarry.slicegrid.placement.Occupancy;
import dev.quarry.slicegrid.placement.Placement;
import dev.quarry.slicegrid.placement.Placer;
import dev.quarry.slicegrid.placement.Placers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A grid of blocks (servers) and the slices (containers) placed on them. {@link #place} puts a slice on the
 * best-fitting block, or asks for a new block (create) or refuses with counted reasons; {@link #remove}
 * frees the room and gives back a block left empty (destroy). Listeners hear added, removed, create and
 * destroy. Pure: no I/O and no clock; {@link dev.quarry.slicegrid.persistence.GridFile} stores it. Not
 * thread-safe: callers take turns (one lock around it).
 */
public final class SliceGrid {
    private final GridOptions options;
    private final Occupancy occupancy = new Occupancy();
    private final List<GridListener> listeners = new ArrayList<>();
    private final GridLimits limits;
    private final PlacementStep placement;
    private int blocksAdded;

    public SliceGrid(GridOptions options, Placer placer) {
        this.options = requireNonNull(options, "options is null");
        this.limits = new GridLimits(options);
        this.placement = new PlacementStep(occupancy, requireNonNull(placer, "placer is null"), limits, options, this::fire);
    }

    /** A grid that places by best fit. */
    public static SliceGrid create(GridOptions options) {
        return new SliceGrid(options, Placers.standard());
    }

    /** A grid holding what the snapshot holds; no events fire. */
    public static SliceGrid restore(GridSnapshot snapshot, Placer placer) {
        SliceGrid grid = new SliceGrid(snapshot.options(), placer);
        for (BlockLoad load : snapshot.blocks()) {
            int slot = grid.occupancy.addBlock(load.block());
            load.slices().forEach(slice -> grid.occupancy.assign(slot, slice));
        }
        grid.limits.restorePending(snapshot.pendingCreates());
        return grid;
    }

    public GridOptions options() {
        return options;
    }

    public void addListener(GridListener listener) {
        listeners.add(requireNonNull(listener, "listener is null"));
    }

    /** Adds a server, usually the answer to a create event. */
    public void addBlock(Block block) {
        limits.checkRoomFor(occupancy.blockCount());
        occupancy.addBlock(block);
        blocksAdded++;
        limits.created();
    }

    /** A create event that will not be answered (the cloud could not make the server). */
    public void abandonCreate() {
        limits.created();
    }

    /** Puts the slice on a block, or says what the grid needs (a new block) or why it cannot. */
    public Placement place(Slice slice) {
        requireNonNull(slice, "slice is null");
        if (occupancy.slotOfSlice(slice.id()) >= 0) {
            throw new IllegalStateException("slice " + slice.id() + " is already placed");
        }
        return placement.place(slice);
    }

    /** Takes the slice off its block; a block left empty above {@code min} is given back (destroy). */
    public Optional<Slice> remove(String sliceId) {
        int slot = occupancy.slotOfSlice(sliceId);
        if (slot < 0) {
            return Optional.empty();
        }
        Slice slice = occupancy.placedSlice(slot, sliceId);
        occupancy.release(slot, slice);
        fire(new GridEvent.Removed(occupancy.block(slot), slice));
        destroyIfEmpty(slot);
        return Optional.of(slice);
    }

    /**
     * Applies a consolidation plan move by move: each fires added on the new block, then removed from the
     * old one. Blocks left empty are given back (destroy) only after the last move, since a later move may
     * use them.
     */
    public void apply(ConsolidationPlan plan) {
        Set<String> emptied = new LinkedHashSet<>();
        for (Move move : plan.moves()) {
            GridMoves.move(occupancy, move, this::fire);
            emptied.add(move.from());
        }
        for (String blockId : emptied) {
            int slot = occupancy.slotOf(blockId);
            if (slot >= 0) {
                destroyIfEmpty(slot);
            }
        }
    }

    /** {@link #consolidate(Consolidator, Duration)} with the default budget of two seconds. */
    public ConsolidationPlan consolidate(Consolidator consolidator) {
        return consolidate(consolidator, Consolidator.DEFAULT_BUDGET);
    }

    /** Asks the consolidator for moves that free blocks; nothing changes until the moves are applied. */
    public ConsolidationPlan consolidate(Consolidator consolidator, Duration budget) {
        return consolidator.consolidate(Packing.of(snapshot().blocks()), budget);
    }

    /** Whether autosize is on and the grid uses more blocks than its slices need at the very least. */
    public boolean shouldConsolidate() {
        if (!options.autosize()) {
            return false;
        }
        GridSnapshot snapshot = snapshot();
        return GridMeasure.usedBlocks(snapshot) > GridMeasure.lowerBound(snapshot);
    }

    /** Stops new slices going to the block, or lets them again. */
    public void setState(String blockId, BlockState state) {
        int slot = requireBlock(blockId);
        occupancy.setState(slot, state);
    }

    public int blockCount() {
        return occupancy.blockCount();
    }

    /** Blocks added since the grid was made or restored, including those given back since. */
    public int blocksEverAdded() {
        return blocksAdded;
    }

    /** The block the slice runs on. */
    public Optional<Block> blockOf(String sliceId) {
        int slot = occupancy.slotOfSlice(sliceId);
        return slot < 0 ? Optional.empty() : Optional.of(occupancy.block(slot));
    }

    public GridSnapshot snapshot() {
        return GridSnapshot.of(options, occupancy, limits.pending());
    }

    private void destroyIfEmpty(int slot) {
        if (occupancy.sliceCount(slot) == 0 && occupancy.blockCount() > options.min()) {
            fire(new GridEvent.Destroy(occupancy.removeBlock(slot)));
        }
    }

    private int requireBlock(String blockId) {
        int slot = occupancy.slotOf(blockId);
        if (slot < 0) {
            throw new IllegalArgumentException("no server " + blockId + " in the grid");
        }
        return slot;
    }

    private void fire(GridEvent event) {
        for (GridListener listener : listeners) {
            listener.on(event);
        }
    }
}
