package dev.quarry.slicegrid.consolidation;

import java.util.ArrayList;
import java.util.List;

/**
 * For each block, the slices arriving and leaving along a move list, by move number: enough to tell
 * whether a block could hold one more slice over a stretch of the list.
 */
final class BlockTimelines {
    /** One slice arriving at (or leaving) a block at a move number. */
    private record Event(int time, int slice, boolean arriving) {}

    private final Packing packing;
    private final List<List<Event>> events = new ArrayList<>();
    private final int[] initialMemory;
    private final int[] initialCpu;

    BlockTimelines(Packing packing, int[] slices, int[] froms, int[] tos) {
        this.packing = packing;
        initialMemory = new int[packing.blockCount()];
        initialCpu = new int[packing.blockCount()];
        for (int block = 0; block < packing.blockCount(); block++) {
            events.add(new ArrayList<>(4));
        }
        for (int slice = 0; slice < packing.sliceCount(); slice++) {
            initialMemory[packing.initialBlock(slice)] += packing.demandMemory(slice);
            initialCpu[packing.initialBlock(slice)] += packing.demandCpu(slice);
        }
        for (int index = 0; index < slices.length; index++) {
            leave(froms[index], slices[index], index);
            arrive(tos[index], slices[index], index);
        }
    }

    void arrive(int block, int slice, int time) {
        insert(block, new Event(time, slice, true));
    }

    void leave(int block, int slice, int time) {
        insert(block, new Event(time, slice, false));
    }

    /** Drops the slice's departure from and arrival at these blocks at these move numbers. */
    void forget(int slice, List<Integer> times, int[] froms, int[] tos) {
        for (int time : times) {
            events.get(froms[time]).removeIf(event -> event.slice() == slice && event.time() == time);
            events.get(tos[time]).removeIf(event -> event.slice() == slice && event.time() == time);
        }
    }

    /**
     * Whether the block could also hold the slice from move {@code from} until move {@code until}: at every
     * arrival in that stretch, and at {@code from} itself when the slice arrives then. When it does not
     * arrive then, the block is where the slice started, and the question is whether it could stay.
     */
    boolean hasRoomThroughout(int block, int slice, int from, int until, boolean arrivesAtFrom) {
        if (!packing.takesSlices(block) && arrivesAtFrom) {
            return false;
        }
        long memory = initialMemory[block];
        long cpu = initialCpu[block];
        int extraMemory = arrivesAtFrom ? packing.demandMemory(slice) : 0;
        int extraCpu = arrivesAtFrom ? packing.demandCpu(slice) : 0;
        boolean checkedStart = !arrivesAtFrom;
        for (Event event : events.get(block)) {
            if (event.time() >= until) {
                break;
            }
            if (!checkedStart && event.time() >= from) {
                checkedStart = true;
                if (!fits(block, memory + extraMemory, cpu + extraCpu)) {
                    return false;
                }
            }
            int sign = event.arriving() ? 1 : -1;
            if (event.slice() != slice) {
                memory += sign * packing.demandMemory(event.slice());
                cpu += sign * packing.demandCpu(event.slice());
                if (event.time() >= from && event.arriving() && !fits(block, memory + extraMemory, cpu + extraCpu)) {
                    return false;
                }
            } else if (event.time() < from) {
                memory += sign * packing.demandMemory(slice);
                cpu += sign * packing.demandCpu(slice);
            }
        }
        return checkedStart || fits(block, memory + extraMemory, cpu + extraCpu);
    }

    private boolean fits(int block, long memory, long cpu) {
        return memory <= packing.capacityMemory(block) && cpu <= packing.capacityCpu(block);
    }

    private void insert(int block, Event event) {
        List<Event> list = events.get(block);
        int position = list.size();
        while (position > 0 && list.get(position - 1).time() > event.time()) {
            position--;
        }
        list.add(position, event);
    }
}
