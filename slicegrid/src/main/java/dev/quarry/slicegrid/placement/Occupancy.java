package dev.quarry.slicegrid.placement;

import static java.util.Objects.requireNonNull;

import dev.quarry.slicegrid.index.FreeSpaceIndex;
import dev.quarry.slicegrid.model.Block;
import dev.quarry.slicegrid.model.BlockState;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.slicegrid.model.Slice;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of a grid: its blocks by slot number, the slices each holds and the room each has left, with
 * ready blocks indexed by free room (one index per set of block tags, see {@link TagIndexes}) for
 * placement. Changes go through {@link SlotTable}'s bookkeeping; this class keeps the indexes, the slice
 * lookups and the replica spread in step with it.
 */
public final class Occupancy {
    private final SlotTable slots = new SlotTable();
    private final Map<String, Integer> slotOfSlice = new HashMap<>();
    private final TagIndexes indexes = new TagIndexes(slots);
    private final NodeSpread spread = new NodeSpread();

    public int addBlock(Block block) {
        requireNonNull(block, "block is null");
        int slot = slots.add(block);
        reindex(slot);
        return slot;
    }

    /** Removes an empty block and returns it. */
    public Block removeBlock(int slot) {
        if (slots.sliceCount(slot) > 0) {
            throw new IllegalStateException("block " + slots.block(slot).id() + " still holds " + slots.sliceCount(slot) + " slices");
        }
        indexes.forget(slot);
        return slots.remove(slot);
    }

    public void setState(int slot, BlockState state) {
        slots.replace(slot, slots.block(slot).withState(state));
        reindex(slot);
    }

    public void assign(int slot, Slice slice) {
        if (slotOfSlice.putIfAbsent(slice.id(), slot) != null) {
            throw new IllegalStateException("slice " + slice.id() + " is already placed");
        }
        slots.assign(slot, slice);
        spread.add(slice.node(), slot);
        reindex(slot);
    }

    public void release(int slot, Slice slice) {
        slotOfSlice.remove(slice.id());
        slots.release(slot, slice);
        spread.remove(slice.node(), slot);
        reindex(slot);
    }

    /** The slot holding the slice, or -1. */
    public int slotOfSlice(String sliceId) {
        return slotOfSlice.getOrDefault(sliceId, -1);
    }

    public int slotOf(String blockId) {
        return slots.slotOf(blockId);
    }

    public Block block(int slot) {
        return slots.block(slot);
    }

    public boolean isUsed(int slot) {
        return slots.isUsed(slot);
    }

    /** One past the highest slot number in use: iterate {@code 0..slotLimit()} and skip unused slots. */
    public int slotLimit() {
        return slots.limit();
    }

    public int blockCount() {
        return slots.count();
    }

    public int freeMemory(int slot) {
        return slots.block(slot).capacity().memoryMebibytes() - slots.usedMemory(slot);
    }

    public int freeCpu(int slot) {
        return slots.block(slot).capacity().cpuMillicores() - slots.usedCpu(slot);
    }

    public Resources used(int slot) {
        return new Resources(slots.usedMemory(slot), slots.usedCpu(slot));
    }

    public Resources free(int slot) {
        return new Resources(freeMemory(slot), freeCpu(slot));
    }

    public List<Slice> slices(int slot) {
        return slots.slices(slot);
    }

    /** The slice with this id on the block in the slot. */
    public Slice placedSlice(int slot, String sliceId) {
        Slice slice = slots.find(slot, sliceId);
        if (slice == null) {
            throw new IllegalArgumentException("slice " + sliceId + " is not on block " + block(slot).id());
        }
        return slice;
    }

    public int sliceCount(int slot) {
        return slots.sliceCount(slot);
    }

    public boolean hostsNode(int slot, String node) {
        return spread.hosts(node, slot);
    }

    public boolean hasReplicas(String node) {
        return spread.isPlaced(node);
    }

    /** The indexes of ready blocks, keyed by the tags their blocks carry. */
    public Collection<Map.Entry<Set<String>, FreeSpaceIndex>> indexes() {
        return indexes.entries();
    }

    /** Every block in slot order. */
    public List<Block> blocks() {
        List<Block> blocks = new ArrayList<>(slots.count());
        for (int slot = 0; slot < slots.limit(); slot++) {
            if (slots.isUsed(slot)) {
                blocks.add(slots.block(slot));
            }
        }
        return blocks;
    }

    private void reindex(int slot) {
        indexes.update(slot);
    }
}
