package dev.quarry.slicegrid.placement;

import dev.quarry.slicegrid.model.Block;
import dev.quarry.slicegrid.model.Slice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Blocks by slot number, with what each uses and holds; freed slot numbers are reused. */
final class SlotTable {
    private Block[] blocks = new Block[16];
    private int[] usedMemory = new int[16];
    private int[] usedCpu = new int[16];
    private List<List<Slice>> slices = new ArrayList<>();
    private int[] freeSlots = new int[16];
    private int freeSlotCount;
    private int limit;
    private int count;
    private final Map<String, Integer> slotById = new HashMap<>();

    int add(Block block) {
        if (slotById.containsKey(block.id())) {
            throw new IllegalStateException("block " + block.id() + " is already in the grid");
        }
        int slot = freeSlotCount > 0 ? freeSlots[--freeSlotCount] : limit++;
        if (slot >= blocks.length) {
            int length = blocks.length * 2;
            blocks = Arrays.copyOf(blocks, length);
            usedMemory = Arrays.copyOf(usedMemory, length);
            usedCpu = Arrays.copyOf(usedCpu, length);
        }
        while (slices.size() <= slot) {
            slices.add(new ArrayList<>(4));
        }
        blocks[slot] = block;
        slotById.put(block.id(), slot);
        count++;
        return slot;
    }

    Block remove(int slot) {
        Block block = block(slot);
        blocks[slot] = null;
        usedMemory[slot] = 0;
        usedCpu[slot] = 0;
        slotById.remove(block.id());
        if (freeSlotCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, freeSlots.length * 2);
        }
        freeSlots[freeSlotCount++] = slot;
        count--;
        return block;
    }

    void replace(int slot, Block block) {
        block(slot);
        blocks[slot] = block;
    }

    void assign(int slot, Slice slice) {
        block(slot);
        slices.get(slot).add(slice);
        usedMemory[slot] += slice.demand().memoryMebibytes();
        usedCpu[slot] += slice.demand().cpuMillicores();
    }

    void release(int slot, Slice slice) {
        if (!slices.get(slot).remove(slice)) {
            throw new IllegalStateException("slice " + slice.id() + " is not on block " + block(slot).id());
        }
        usedMemory[slot] -= slice.demand().memoryMebibytes();
        usedCpu[slot] -= slice.demand().cpuMillicores();
    }

    Block block(int slot) {
        if (!isUsed(slot)) {
            throw new IllegalArgumentException("no block in slot " + slot);
        }
        return blocks[slot];
    }

    boolean isUsed(int slot) {
        return slot >= 0 && slot < limit && blocks[slot] != null;
    }

    int slotOf(String blockId) {
        return slotById.getOrDefault(blockId, -1);
    }

    int usedMemory(int slot) {
        return usedMemory[slot];
    }

    int usedCpu(int slot) {
        return usedCpu[slot];
    }

    List<Slice> slices(int slot) {
        return List.copyOf(slices.get(slot));
    }

    /** The slice with this id on the block, or null. */
    Slice find(int slot, String sliceId) {
        for (Slice slice : slices.get(slot)) {
            if (slice.id().equals(sliceId)) {
                return slice;
            }
        }
        return null;
    }

    int sliceCount(int slot) {
        return slices.get(slot).size();
    }

    int limit() {
        return limit;
    }

    int count() {
        return count;
    }
}
