package dev.quarry.slicegrid.placement;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Which blocks hold replicas of each node, so placement can keep replicas of one node apart. */
final class NodeSpread {
    private final Map<String, NodeSlots> slotsByNode = new HashMap<>();

    void add(String node, int slot) {
        slotsByNode.computeIfAbsent(node, key -> new NodeSlots()).add(slot);
    }

    void remove(String node, int slot) {
        NodeSlots slots = slotsByNode.get(node);
        if (slots != null && slots.remove(slot)) {
            slotsByNode.remove(node);
        }
    }

    boolean hosts(String node, int slot) {
        NodeSlots slots = slotsByNode.get(node);
        return slots != null && slots.contains(slot);
    }

    boolean isPlaced(String node) {
        return slotsByNode.containsKey(node);
    }

    /** The slots of one node's replicas with how many replicas each holds; nodes have few, so a list will do. */
    private static final class NodeSlots {
        private int[] slots = new int[1];
        private int[] counts = new int[1];
        private int size;

        void add(int slot) {
            int index = indexOf(slot);
            if (index >= 0) {
                counts[index]++;
                return;
            }
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            slots[size] = slot;
            counts[size++] = 1;
        }

        /** Returns whether no replica is left. */
        boolean remove(int slot) {
            int index = indexOf(slot);
            if (index >= 0 && --counts[index] == 0) {
                size--;
                slots[index] = slots[size];
                counts[index] = counts[size];
            }
            return size == 0;
        }

        boolean contains(int slot) {
            return indexOf(slot) >= 0;
        }

        private int indexOf(int slot) {
            for (int index = 0; index < size; index++) {
                if (slots[index] == slot) {
                    return index;
                }
            }
            return -1;
        }
    }
}
