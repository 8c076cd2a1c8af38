package dev.quarry.hq.recovery;

import static java.util.Objects.requireNonNull;

import dev.quarry.hq.liveness.Liveness;
import dev.quarry.hq.liveness.ServerState;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * When a lost server is given back and replaced, as a pure rule: the servers' liveness and the time in, a
 * {@link Replacement} out. A server {@code down} for {@code replaceAfter} or longer is given back to its provider
 * (longest down first). A server given back is replaced only where the grid would otherwise have fewer servers
 * that are not down than {@code minServers} (its containers already run elsewhere: placement grew the grid for
 * them), and never past {@code maxServers}, counting every server the provider still has, down ones included. A
 * server down for less than {@code replaceAfter} is neither given back nor replaced: it may return.
 *
 * @param replaceAfter how long a server stays down before it is given back ({@code --replace-after})
 * @param minServers the grid's minimum ({@code --min-servers})
 * @param maxServers the grid's maximum ({@code --max-servers})
 */
public record ReplacementRule(Duration replaceAfter, int minServers, int maxServers) {
    public static final Duration DEFAULT_REPLACE_AFTER = Duration.ofMinutes(5);

    public ReplacementRule {
        requireNonNull(replaceAfter, "replaceAfter is null");
        if (replaceAfter.isNegative() || replaceAfter.isZero()) {
            throw new IllegalArgumentException("--replace-after must be longer than 0, got " + replaceAfter.toMillis()
                    + " ms; give a duration such as 5m or 90s");
        }
        if (minServers < 0 || maxServers < minServers) {
            throw new IllegalArgumentException("the grid's servers must be 0 <= min <= max, got min " + minServers
                    + " and max " + maxServers);
        }
    }

    /** What to do now about the servers the provider holds ({@code servers}: each server's id and liveness). */
    public Replacement decide(Map<String, Liveness> servers, Instant now) {
        List<String> giveBack = servers.entrySet().stream()
                .filter(entry -> downLongEnough(entry.getValue(), now))
                .sorted(Comparator.comparing((Map.Entry<String, Liveness> entry) -> entry.getValue().since())
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).toList();
        long working = servers.values().stream().filter(liveness -> liveness.state() != ServerState.DOWN).count();
        int kept = servers.size() - giveBack.size();
        int wanted = (int) Math.max(0, minServers - working);
        int room = Math.max(0, maxServers - kept);
        return new Replacement(giveBack, Math.min(giveBack.size(), Math.min(wanted, room)));
    }

    /**
     * How many servers the provider may still add for placement: the maximum less every server it holds,
     * a down one off the grid included (it still costs and may come back).
     */
    public int roomToGrow(Map<String, Liveness> servers) {
        return Math.max(0, maxServers - servers.size());
    }

    private boolean downLongEnough(Liveness liveness, Instant now) {
        return liveness.state() == ServerState.DOWN && !liveness.since().plus(replaceAfter).isAfter(now);
    }
}
