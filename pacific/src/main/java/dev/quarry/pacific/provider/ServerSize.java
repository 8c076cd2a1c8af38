package dev.quarry.pacific.provider;

/**
 * How much a server offers: memory in mebibytes and cpu in thousandths of a core, the units slicegrid packs by.
 *
 * @param memoryMebibytes memory in MiB, at least 1
 * @param cpuMillicores cpu in millicores (1000 = one core), at least 1
 */
public record ServerSize(int memoryMebibytes, int cpuMillicores) {
    public ServerSize {
        if (memoryMebibytes < 1) {
            throw new IllegalArgumentException("server memory must be at least 1 MiB, got " + memoryMebibytes + " MiB");
        }
        if (cpuMillicores < 1) {
            throw new IllegalArgumentException("server cpu must be at least 1 millicore, got " + cpuMillicores + "m");
        }
    }

    public static ServerSize of(int memoryMebibytes, int cpuMillicores) {
        return new ServerSize(memoryMebibytes, cpuMillicores);
    }

    /** Whether this size offers at least {@code wanted} in both memory and cpu. */
    public boolean covers(ServerSize wanted) {
        return memoryMebibytes >= wanted.memoryMebibytes && cpuMillicores >= wanted.cpuMillicores;
    }

    /** As a person writes it, like slicegrid: {@code 2048M,1000m}. */
    @Override
    public String toString() {
        return memoryMebibytes + "M," + cpuMillicores + "m";
    }
}
