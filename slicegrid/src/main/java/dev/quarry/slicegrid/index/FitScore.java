package dev.quarry.slicegrid.index;

/**
 * How tightly a demand fits a block's free room: the squared length of the room left over, each dimension
 * measured as a fraction of a reference capacity. Lower is tighter; zero is a perfect fit.
 *
 * <p>Of the online scores measured on uniform two-dimensional demands (first fit, dot product, the L1 and L2
 * norms of the remainder, Nomad's BestFit-v3), the L2 norm of the remainder used the fewest blocks.
 */
public final class FitScore {
    private FitScore() {}

    public static double of(int freeMemory, int freeCpu, int demandMemory, int demandCpu,
            double inverseReferenceMemory, double inverseReferenceCpu) {
        double memory = (freeMemory - demandMemory) * inverseReferenceMemory;
        double cpu = (freeCpu - demandCpu) * inverseReferenceCpu;
        return memory * memory + cpu * cpu;
    }
}
