package dev.quarry.router.render;

import dev.quarry.router.model.RouterSettings;
import java.util.HashMap;
import java.util.Map;

/** Renders nginx.conf: workers, hash sizes for the domain count, the host map, and the default server. */
public final class MainConfigRenderer {
    private MainConfigRenderer() {}

    /**
     * @param prefix the router's folder (absolute, no quotes or newlines)
     * @param generation the number of this configuration, served at /.quarry/generation on loopback
     * @param domainCount how many domains all stacks route
     * @param longestDomain the length of the longest of them
     */
    public static String render(RouterSettings settings, String prefix, long generation, int domainCount,
            int longestDomain) {
        if (prefix.chars().anyMatch(c -> c == '"' || c == '\\' || c == ';' || c == '{' || c == '}' || c < 0x20)) {
            throw new IllegalArgumentException("router folder must not hold quotes, backslashes, ;, braces or control"
                    + " characters: " + prefix);
        }
        Map<String, Object> scope = new HashMap<>();
        scope.put("generation", generation);
        scope.put("prefix", prefix);
        scope.put("workerProcesses", settings.workerProcesses() == 0 ? "auto" : settings.workerProcesses());
        scope.put("workerConnections", settings.workerConnections());
        scope.put("listenHost", settings.listenHost());
        scope.put("listenPort", settings.listenPort());
        scope.put("domainCount", domainCount);
        scope.put("hashMaxSize", hashMaxSize(domainCount));
        scope.put("hashBucketSize", hashBucketSize(settings.https().isPresent()
                ? Math.max(longestDomain, HttpsRenderer.LONGEST_CHALLENGE_PATH) : longestDomain));
        HttpsRenderer.scope(settings).ifPresent(https -> scope.put("https", https));
        return Templates.render(Templates.builtIn("nginx.conf.mustache"), scope);
    }

    /** Room for every domain with headroom: the next power of two above twice the count, at least 1024. */
    static int hashMaxSize(int domainCount) {
        return Math.max(1024, Integer.highestOneBit(Math.max(1, domainCount) * 2 - 1) << 1);
    }

    /** A bucket must hold the longest name plus nginx's bookkeeping: a power of two, 64 to 512. */
    static int hashBucketSize(int longestDomain) {
        int needed = longestDomain + 32;
        return Math.min(512, Math.max(64, Integer.highestOneBit(needed - 1) << 1));
    }
}
