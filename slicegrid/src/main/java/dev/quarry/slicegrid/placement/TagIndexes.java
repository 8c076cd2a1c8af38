package dev.quarry.slicegrid.placement;

import dev.quarry.slicegrid.index.FreeSpaceIndex;
import dev.quarry.slicegrid.model.Block;
import dev.quarry.slicegrid.model.BlockState;
import dev.quarry.slicegrid.model.Resources;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One {@link FreeSpaceIndex} per set of block tags, holding the ready blocks of that set by their free
 * room; an index is remade larger when a bigger block joins its set.
 */
final class TagIndexes {
    private final SlotTable slots;
    private final Map<Set<String>, FreeSpaceIndex> indexByTags = new LinkedHashMap<>();
    private FreeSpaceIndex[] indexOfSlot = new FreeSpaceIndex[16];

    TagIndexes(SlotTable slots) {
        this.slots = slots;
    }

    Collection<Map.Entry<Set<String>, FreeSpaceIndex>> entries() {
        return indexByTags.entrySet();
    }

    /** Puts the block in its index with its current free room, or takes it out when it is not ready. */
    void update(int slot) {
        Block block = slots.block(slot);
        FreeSpaceIndex index = slot < indexOfSlot.length ? indexOfSlot[slot] : null;
        if (index == null) {
            index = indexFor(slot, block);
        }
        if (block.state() == BlockState.READY) {
            index.put(slot, block.capacity().memoryMebibytes() - slots.usedMemory(slot),
                    block.capacity().cpuMillicores() - slots.usedCpu(slot));
        } else {
            index.remove(slot);
        }
    }

    void forget(int slot) {
        if (slot < indexOfSlot.length && indexOfSlot[slot] != null) {
            indexOfSlot[slot].remove(slot);
            indexOfSlot[slot] = null;
        }
    }

    private FreeSpaceIndex indexFor(int slot, Block block) {
        Resources capacity = block.capacity();
        FreeSpaceIndex index = indexByTags.get(block.tags());
        if (index == null || !index.covers(capacity.memoryMebibytes(), capacity.cpuMillicores())) {
            index = rebuilt(block.tags(), capacity);
        }
        remember(slot, index);
        return index;
    }

    /** A new index for the blocks carrying these tags, large enough for every one of them and this capacity. */
    private FreeSpaceIndex rebuilt(Set<String> tags, Resources capacity) {
        int memory = capacity.memoryMebibytes();
        int cpu = capacity.cpuMillicores();
        for (int slot = 0; slot < slots.limit(); slot++) {
            if (slots.isUsed(slot) && slots.block(slot).tags().equals(tags)) {
                memory = Math.max(memory, slots.block(slot).capacity().memoryMebibytes());
                cpu = Math.max(cpu, slots.block(slot).capacity().cpuMillicores());
            }
        }
        FreeSpaceIndex index = new FreeSpaceIndex(memory, cpu);
        indexByTags.put(tags, index);
        for (int slot = 0; slot < slots.limit(); slot++) {
            if (slots.isUsed(slot) && slots.block(slot).tags().equals(tags) && slot < indexOfSlot.length && indexOfSlot[slot] != null) {
                remember(slot, index);
                update(slot);
            }
        }
        return index;
    }

    private void remember(int slot, FreeSpaceIndex index) {
        if (slot >= indexOfSlot.length) {
            indexOfSlot = Arrays.copyOf(indexOfSlot, Math.max(slot + 1, indexOfSlot.length * 2));
        }
        indexOfSlot[slot] = index;
    }
}
