package dev.quarry.slicegrid.consolidation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a target assignment into moves that are each feasible when made: a slice moves once its target has
 * room. When every remaining move waits on another (a cycle), a slice sitting on a blocked target takes a
 * detour through another block with room, preferably room no pending move is counting on. Gives up
 * (returns false) when no detour is possible or detours run away.
 */
final class MoveOrdering {
    private final PackingState state;
    private final Map<Integer, Integer> targets;
    private final List<Integer> pending = new ArrayList<>();

    private MoveOrdering(PackingState state, Map<Integer, Integer> targets) {
        this.state = state;
        this.targets = targets;
        targets.forEach((slice, block) -> {
            if (state.blockOf(slice) != block) {
                pending.add(slice);
            }
        });
    }

    static boolean realize(PackingState state, Map<Integer, Integer> targets) {
        return new MoveOrdering(state, targets).run();
    }

    private boolean run() {
        int detoursLeft = 2 * pending.size() + 8;
        while (!pending.isEmpty()) {
            if (moveReady()) {
                continue;
            }
            if (detoursLeft-- == 0 || !detour()) {
                return false;
            }
        }
        return true;
    }

    /** Makes every pending move whose target has room; true when at least one was made. */
    private boolean moveReady() {
        boolean moved = false;
        for (int index = pending.size() - 1; index >= 0; index--) {
            int slice = pending.get(index);
            int target = targets.get(slice);
            if (state.accepts(target, slice)) {
                state.move(slice, target);
                pending.remove(index);
                moved = true;
            }
        }
        return moved;
    }

    /** Moves one slice that blocks a pending move out of the way; true when one could be moved. */
    private boolean detour() {
        long[] promised = promisedRoom();
        for (boolean safeOnly : new boolean[] {true, false}) {
            for (int waiting : pending) {
                int blocked = targets.get(waiting);
                for (int index = 0; index < state.memberCount(blocked); index++) {
                    int blocker = state.member(blocked, index);
                    if (targets.getOrDefault(blocker, blocked) != blocked && park(blocker, promised, safeOnly)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean park(int slice, long[] promised, boolean safeOnly) {
        Packing packing = state.packing();
        int best = -1;
        long bestSpare = Long.MIN_VALUE;
        for (int block = 0; block < packing.blockCount(); block++) {
            if (block == targets.get(slice) || !state.accepts(block, slice)) {
                continue;
            }
            long spareMemory = state.freeMemory(block) - promised[2 * block] - packing.demandMemory(slice);
            long spareCpu = state.freeCpu(block) - promised[2 * block + 1] - packing.demandCpu(slice);
            long spare = Math.min(spareMemory * packing.capacityCpu(block), spareCpu * (long) packing.capacityMemory(block));
            if ((!safeOnly || spare >= 0) && spare > bestSpare) {
                bestSpare = spare;
                best = block;
            }
        }
        if (best < 0) {
            return false;
        }
        state.move(slice, best);
        return true;
    }

    /** Memory and cpu each block must still take in from pending moves, as [memory, cpu] pairs. */
    private long[] promisedRoom() {
        Packing packing = state.packing();
        long[] promised = new long[2 * packing.blockCount()];
        for (int slice : pending) {
            int target = targets.get(slice);
            promised[2 * target] += packing.demandMemory(slice);
            promised[2 * target + 1] += packing.demandCpu(slice);
        }
        return promised;
    }
}
