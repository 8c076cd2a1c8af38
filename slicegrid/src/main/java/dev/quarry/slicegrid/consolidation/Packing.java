package dev.quarry.slicegrid.consolidation;

import dev.quarry.slicegrid.BlockLoad;
import dev.quarry.slicegrid.model.Block;
import dev.quarry.slicegrid.model.BlockState;
import dev.quarry.slicegrid.model.Slice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A consolidation problem in flat arrays, numbered from 0: blocks with capacities and whether they take
 * slices, slices with demands, tags, node and the block they start on. Immutable once built.
 */
public final class Packing {
    private final List<Block> blocks;
    private final List<Slice> slices;
    private final int[] demandMemory;
    private final int[] demandCpu;
    private final int[] node;
    private final int[] initialBlock;
    private final int[] sliceTagSet;
    private final int[] blockTagSet;
    private final boolean[][] tagsAllowed;

    private Packing(List<Block> blocks, List<Slice> slices, int[] initialBlock) {
        this.blocks = List.copyOf(blocks);
        this.slices = List.copyOf(slices);
        this.initialBlock = initialBlock;
        this.demandMemory = slices.stream().mapToInt(slice -> slice.demand().memoryMebibytes()).toArray();
        this.demandCpu = slices.stream().mapToInt(slice -> slice.demand().cpuMillicores()).toArray();
        this.node = numbered(slices.stream().map(Slice::node).toList());
        List<Set<String>> sliceTags = slices.stream().map(Slice::requiredTags).toList();
        List<Set<String>> blockTags = blocks.stream().map(Block::tags).toList();
        this.sliceTagSet = numbered(sliceTags);
        this.blockTagSet = numbered(blockTags);
        this.tagsAllowed = tagMatrix(sliceTags, sliceTagSet, blockTags, blockTagSet);
    }

    /** The problem of a grid's current state. */
    public static Packing of(List<BlockLoad> loads) {
        List<Block> blocks = new ArrayList<>();
        List<Slice> slices = new ArrayList<>();
        List<Integer> initial = new ArrayList<>();
        for (BlockLoad load : loads) {
            for (Slice slice : load.slices()) {
                slices.add(slice);
                initial.add(blocks.size());
            }
            blocks.add(load.block());
        }
        return new Packing(blocks, slices, initial.stream().mapToInt(Integer::intValue).toArray());
    }

    public int blockCount() {
        return blocks.size();
    }

    public int sliceCount() {
        return slices.size();
    }

    public Block block(int block) {
        return blocks.get(block);
    }

    public Slice slice(int slice) {
        return slices.get(slice);
    }

    public int capacityMemory(int block) {
        return blocks.get(block).capacity().memoryMebibytes();
    }

    public int capacityCpu(int block) {
        return blocks.get(block).capacity().cpuMillicores();
    }

    /** Whether slices may move onto the block (it is ready). */
    public boolean takesSlices(int block) {
        return blocks.get(block).state() == BlockState.READY;
    }

    public int demandMemory(int slice) {
        return demandMemory[slice];
    }

    public int demandCpu(int slice) {
        return demandCpu[slice];
    }

    /** A number for the slice's node: equal numbers are replicas of one node. */
    public int node(int slice) {
        return node[slice];
    }

    public int initialBlock(int slice) {
        return initialBlock[slice];
    }

    /**
     * The fewest blocks that could hold every slice, with the largest capacity in each dimension standing
     * for every block: the larger of total demand over capacity, rounded up, over the two dimensions.
     */
    public int lowerBound() {
        long memory = 0;
        long cpu = 0;
        for (int slice = 0; slice < slices.size(); slice++) {
            memory += demandMemory[slice];
            cpu += demandCpu[slice];
        }
        long capacityMemory = 1;
        long capacityCpu = 1;
        for (Block block : blocks) {
            capacityMemory = Math.max(capacityMemory, block.capacity().memoryMebibytes());
            capacityCpu = Math.max(capacityCpu, block.capacity().cpuMillicores());
        }
        return (int) Math.max((memory + capacityMemory - 1) / capacityMemory, (cpu + capacityCpu - 1) / capacityCpu);
    }

    /** Whether the block carries every tag the slice requires. */
    public boolean tagsAllow(int slice, int block) {
        return tagsAllowed[sliceTagSet[slice]][blockTagSet[block]];
    }

    private static <T> int[] numbered(List<T> values) {
        Map<T, Integer> numbers = new HashMap<>();
        int[] result = new int[values.size()];
        for (int index = 0; index < result.length; index++) {
            result[index] = numbers.computeIfAbsent(values.get(index), key -> numbers.size());
        }
        return result;
    }

    private static boolean[][] tagMatrix(List<Set<String>> sliceTags, int[] sliceSets, List<Set<String>> blockTags, int[] blockSets) {
        List<Set<String>> distinctSliceSets = distinct(sliceTags, sliceSets);
        List<Set<String>> distinctBlockSets = distinct(blockTags, blockSets);
        boolean[][] allowed = new boolean[distinctSliceSets.size()][distinctBlockSets.size()];
        for (int sliceSet = 0; sliceSet < allowed.length; sliceSet++) {
            for (int blockSet = 0; blockSet < distinctBlockSets.size(); blockSet++) {
                allowed[sliceSet][blockSet] = distinctBlockSets.get(blockSet).containsAll(distinctSliceSets.get(sliceSet));
            }
        }
        return allowed;
    }

    /** The value of each number, given values and the numbers {@link #numbered} gave them. */
    private static List<Set<String>> distinct(List<Set<String>> values, int[] numbers) {
        List<Set<String>> distinct = new ArrayList<>();
        for (int index = 0; index < numbers.length; index++) {
            if (numbers[index] == distinct.size()) {
                distinct.add(values.get(index));
            }
        }
        return distinct;
    }
}
