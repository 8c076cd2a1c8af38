package dev.quarry.slicegrid.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FreeSpaceIndexTest {
    private static final int MEMORY = 8192;
    private static final int CPU = 4000;

    @Test
    void findsTheExactBestFitAmongAFewBlocks() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 500; round++) {
            FreeSpaceIndex index = new FreeSpaceIndex(MEMORY, CPU);
            int blocks = 1 + random.nextInt(16);
            int[][] free = new int[blocks][];
            for (int slot = 0; slot < blocks; slot++) {
                free[slot] = new int[] {random.nextInt(MEMORY + 1), random.nextInt(CPU + 1)};
                index.put(slot, free[slot][0], free[slot][1]);
            }
            int memory = 1 + random.nextInt(MEMORY / 2);
            int cpu = 1 + random.nextInt(CPU / 2);
            int found = index.bestFit(memory, cpu, CandidateAcceptor.ANY);
            assertEquals(bruteForce(free, memory, cpu), found == FreeSpaceIndex.NONE ? Double.NaN : score(free[found], memory, cpu));
        }
    }

    @Test
    void honoursTheAcceptorAndForgetsRemovedBlocks() {
        FreeSpaceIndex index = new FreeSpaceIndex(MEMORY, CPU);
        index.put(0, 1000, 1000);
        index.put(1, 2000, 2000);
        index.put(2, 3000, 3000);
        assertEquals(0, index.bestFit(900, 900, CandidateAcceptor.ANY));
        assertEquals(1, index.bestFit(900, 900, slot -> slot != 0));
        index.remove(1);
        assertEquals(2, index.bestFit(900, 900, slot -> slot != 0));
        index.put(2, 500, 500);
        assertEquals(FreeSpaceIndex.NONE, index.bestFit(900, 900, slot -> slot != 0));
        assertEquals(2, index.size());
    }

    @Test
    void manyBlocksStillGiveAFittingBlockWithinOneBucketOfTheBest() {
        SplittableRandom random = new SplittableRandom(3);
        FreeSpaceIndex index = new FreeSpaceIndex(MEMORY, CPU);
        int[][] free = new int[5000][];
        for (int slot = 0; slot < free.length; slot++) {
            free[slot] = new int[] {random.nextInt(MEMORY / 4), random.nextInt(CPU / 4)};
            index.put(slot, free[slot][0], free[slot][1]);
        }
        for (int round = 0; round < 200; round++) {
            int memory = 1 + random.nextInt(MEMORY / 8);
            int cpu = 1 + random.nextInt(CPU / 8);
            int found = index.bestFit(memory, cpu, CandidateAcceptor.ANY);
            assertTrue(free[found][0] >= memory && free[found][1] >= cpu);
            double bucket = 2.0 / 64;
            assertTrue(Math.sqrt(score(free[found], memory, cpu)) <= Math.sqrt(bruteForce(free, memory, cpu)) + bucket);
        }
    }

    private static double bruteForce(int[][] free, int memory, int cpu) {
        double best = Double.NaN;
        for (int[] room : free) {
            if (room[0] >= memory && room[1] >= cpu && !(score(room, memory, cpu) >= best)) {
                best = score(room, memory, cpu);
            }
        }
        return best;
    }

    private static double score(int[] room, int memory, int cpu) {
        return FitScore.of(room[0], room[1], memory, cpu, 1.0 / MEMORY, 1.0 / CPU);
    }
}
