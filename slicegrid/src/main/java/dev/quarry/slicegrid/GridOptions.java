package dev.quarry.slicegrid;

import static java.util.Objects.requireNonNull;

import dev.quarry.slicegrid.model.Resources;

/**
 * How a grid may grow and shrink.
 *
 * @param min the grid never gives back a block when that would leave fewer than this many
 * @param max the grid never asks for a block when it already has (or has asked for) this many
 * @param autosize whether HQ should consolidate the grid (move slices to free whole blocks) after removals
 * @param newBlockCapacity the capacity to ask for when the grid is full (more if one slice needs more)
 */
public record GridOptions(int min, int max, boolean autosize, Resources newBlockCapacity) {

    public GridOptions {
        requireNonNull(newBlockCapacity, "newBlockCapacity is null");
        if (min < 0) {
            throw new IllegalArgumentException("min must be 0 or more, got " + min);
        }
        if (max < 1 || max < min) {
            throw new IllegalArgumentException("max must be at least 1 and at least min (" + min + "), got " + max);
        }
        if (newBlockCapacity.memoryMebibytes() == 0 || newBlockCapacity.cpuMillicores() == 0) {
            throw new IllegalArgumentException("a new block needs some memory and cpu, got " + newBlockCapacity);
        }
    }

    /** A grid that may grow without end and shrink to nothing, as the benchmark uses. */
    public static GridOptions unbounded(Resources newBlockCapacity) {
        return new GridOptions(0, Integer.MAX_VALUE, false, newBlockCapacity);
    }
}
