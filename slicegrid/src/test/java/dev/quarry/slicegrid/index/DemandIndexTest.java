package dev.quarry.slicegrid.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DemandIndexTest {
    @Test
    void findsTheClosestFitLikeAScanWould() {
        SplittableRandom random = new SplittableRandom(5);
        int[][] items = new int[3000][];
        DemandIndex index = new DemandIndex(8192, 4000);
        for (int item = 0; item < items.length; item++) {
            items[item] = new int[] {1 + random.nextInt(3000), 1 + random.nextInt(1500)};
            index.add(item, items[item][0], items[item][1]);
        }
        boolean[] removed = new boolean[items.length];
        for (int round = 0; round < 300; round++) {
            int roomMemory = random.nextInt(8193);
            int roomCpu = random.nextInt(4001);
            double memoryWeight = 0.5 + random.nextDouble();
            double cpuWeight = 0.5 + random.nextDouble();
            int found = index.closestFit(roomMemory, roomCpu, 8192, 4000, memoryWeight, cpuWeight, item -> item % 7 != 0);
            int expected = DemandIndex.NONE;
            double best = Double.POSITIVE_INFINITY;
            for (int item = 0; item < items.length; item++) {
                if (removed[item] || item % 7 == 0 || items[item][0] > roomMemory || items[item][1] > roomCpu) {
                    continue;
                }
                double memory = (roomMemory - items[item][0]) / 8192.0;
                double cpu = (roomCpu - items[item][1]) / 4000.0;
                double score = memoryWeight * memory * memory + cpuWeight * cpu * cpu;
                if (score < best) {
                    best = score;
                    expected = item;
                }
            }
            assertEquals(expected, found);
            if (found != DemandIndex.NONE) {
                index.remove(found);
                removed[found] = true;
            }
        }
    }
}
