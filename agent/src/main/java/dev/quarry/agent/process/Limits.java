package dev.quarry.agent.process;

/**
 * What a process container may use; 0 means no limit.
 *
 * @param memoryMebibytes its memory, past which the kernel kills a process of it
 * @param cpuMillicores its share of cpu time, 1000 being one core
 * @param processes how many processes and threads it may hold at once
 */
record Limits(int memoryMebibytes, int cpuMillicores, int processes) {
    /** Every process container's cap on processes and threads: a fork bomb stays inside. */
    static final int PROCESSES = 1024;

    Limits {
        if (memoryMebibytes < 0 || cpuMillicores < 0 || processes < 0) {
            throw new IllegalArgumentException("limits are 0 (none) or more, got " + memoryMebibytes + " MiB, "
                    + cpuMillicores + " millicores, " + processes + " processes");
        }
    }

    /** A limit that has a value, by name: memory, cpu or pids. */
    boolean has(String limit) {
        return switch (limit) {
            case "memory" -> memoryMebibytes > 0;
            case "cpu" -> cpuMillicores > 0;
            default -> processes > 0;
        };
    }
}
