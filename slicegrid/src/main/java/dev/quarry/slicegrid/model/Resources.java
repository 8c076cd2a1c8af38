package dev.quarry.slicegrid.model;

/**
 * An amount of the two resources slicegrid packs by: memory in mebibytes and cpu in thousandths of a core.
 * A block's capacity, a slice's demand and a block's free room are all {@code Resources}.
 *
 * @param memoryMebibytes memory in MiB, zero or more
 * @param cpuMillicores cpu in millicores (1000 = one core), zero or more
 */
public record Resources(int memoryMebibytes, int cpuMillicores) {
    public static final Resources NONE = new Resources(0, 0);

    public Resources {
        if (memoryMebibytes < 0) {
            throw new IllegalArgumentException("memory must not be negative, got " + memoryMebibytes + " MiB");
        }
        if (cpuMillicores < 0) {
            throw new IllegalArgumentException("cpu must not be negative, got " + cpuMillicores + "m");
        }
    }

    public static Resources of(int memoryMebibytes, int cpuMillicores) {
        return new Resources(memoryMebibytes, cpuMillicores);
    }

    /** Whether {@code demand} fits into this amount in both dimensions. */
    public boolean covers(Resources demand) {
        return memoryMebibytes >= demand.memoryMebibytes && cpuMillicores >= demand.cpuMillicores;
    }

    public Resources plus(Resources other) {
        return new Resources(memoryMebibytes + other.memoryMebibytes, cpuMillicores + other.cpuMillicores);
    }

    public Resources minus(Resources other) {
        return new Resources(memoryMebibytes - other.memoryMebibytes, cpuMillicores - other.cpuMillicores);
    }

    /** The larger of each dimension: the smallest amount covering both. */
    public Resources atLeast(Resources other) {
        return new Resources(Math.max(memoryMebibytes, other.memoryMebibytes), Math.max(cpuMillicores, other.cpuMillicores));
    }

    public boolean isZero() {
        return memoryMebibytes == 0 && cpuMillicores == 0;
    }

    /** As a person writes it: {@code 8192M,4000m}. */
    @Override
    public String toString() {
        return memoryMebibytes + "M," + cpuMillicores + "m";
    }
}
