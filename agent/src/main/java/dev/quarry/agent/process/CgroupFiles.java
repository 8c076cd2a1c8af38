package dev.quarry.agent.process;

import java.util.LinkedHashMap;
import java.util.Map;

/** The file names and values that set a limit, in cgroup v2 and v1. */
final class CgroupFiles {
    private static final long CPU_PERIOD_MICROSECONDS = 100_000;

    private CgroupFiles() {}

    /** The files to write for {@code controller}'s limit, in order. */
    static Map<String, String> settings(String controller, Limits limits, boolean unified) {
        Map<String, String> files = new LinkedHashMap<>();
        switch (controller) {
            case "memory" -> {
                String bytes = Long.toString(limits.memoryMebibytes() * 1024L * 1024L);
                files.put(unified ? "memory.max" : "memory.limit_in_bytes", bytes);
            }
            case "cpu" -> {
                long quota = limits.cpuMillicores() * CPU_PERIOD_MICROSECONDS / 1000;
                if (unified) {
                    files.put("cpu.max", quota + " " + CPU_PERIOD_MICROSECONDS);
                } else {
                    files.put("cpu.cfs_period_us", Long.toString(CPU_PERIOD_MICROSECONDS));
                    files.put("cpu.cfs_quota_us", Long.toString(quota));
                }
            }
            default -> files.put("pids.max", Integer.toString(limits.processes()));
        }
        return files;
    }
}
