package dev.quarry.agent.process;

import java.util.Map;

/**
 * What a process container's environment holds: PATH and HOME from the agent (so commands are
 * found), LANG, then the container's own variables, which win.
 */
final class ProcessEnvironment {
    private static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private ProcessEnvironment() {}

    /** Replaces {@code target}'s content (a ProcessBuilder's environment) with the container's. */
    static void fill(Map<String, String> target, Map<String, String> own) {
        String path = System.getenv().getOrDefault("PATH", DEFAULT_PATH);
        String home = System.getenv().get("HOME");
        target.clear();
        target.put("PATH", path);
        if (home != null) {
            target.put("HOME", home);
        }
        target.put("LANG", "C.UTF-8");
        target.putAll(own);
    }
}
