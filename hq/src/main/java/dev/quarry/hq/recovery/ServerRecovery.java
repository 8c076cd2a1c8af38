package dev.quarry.hq.recovery;

import dev.quarry.agent.client.AgentClient;
import dev.quarry.agent.client.AgentException;
import dev.quarry.agent.runtime.ContainerStatus;
import dev.quarry.hq.grid.Grid;
import dev.quarry.hq.grid.Parallel;
import dev.quarry.hq.grid.ServerSettings;
import dev.quarry.hq.liveness.Liveness;
import dev.quarry.hq.liveness.LivenessWatch;
import dev.quarry.hq.liveness.ServerState;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries the servers' liveness out on the grid, on the leader only. A {@code down} server is taken off the
 * grid, so nothing is placed on it and the reconciler (asked to run at once) places its containers on the
 * other servers, adding one when none has room. A {@code returning} server has every container it still runs
 * (stale: they run elsewhere now) stopped and removed before it is put back on the grid, so no container
 * serves twice. A server down for {@code --replace-after} is given back to its provider and, where the grid
 * would otherwise fall below its minimum, replaced by a new one like it ({@link ReplacementRule} decides, on a
 * thread of its own, one round at a time). Each {@link #sweep} looks at every server's state, so a step that
 * failed is taken again.
 */
public final class ServerRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(ServerRecovery.class);
    private static final Duration STALE_GRACE = Duration.ofSeconds(1);

    private final Grid grid;
    private final LivenessWatch watch;
    private final BooleanSupplier leading;
    private final Runnable reconcileSoon;
    private final Set<String> clearing = ConcurrentHashMap.newKeySet();
    private final Optional<ReplacementRule> replacement;
    private final Clock clock;
    private final AtomicBoolean replacing = new AtomicBoolean();

    /**
     * @param leading whether this HQ leads the grid now (only the leader moves containers)
     * @param reconcileSoon asks for a reconcile round as soon as possible
     */
    public ServerRecovery(Grid grid, LivenessWatch watch, BooleanSupplier leading, Runnable reconcileSoon) {
        this(grid, watch, leading, reconcileSoon, Optional.empty(), Clock.systemUTC());
    }

    /**
     * @param replacement when down servers are given back and replaced; empty when the grid adds no servers
     * @param clock the liveness watch's clock
     */
    public ServerRecovery(Grid grid, LivenessWatch watch, BooleanSupplier leading, Runnable reconcileSoon,
            Optional<ReplacementRule> replacement, Clock clock) {
        this.grid = grid;
        this.watch = watch;
        this.leading = leading;
        this.reconcileSoon = reconcileSoon;
        this.replacement = replacement;
        this.clock = clock;
    }

    /** One round: watch the grid's servers, apply the silence so far, act on each server's state. */
    public void sweep() {
        List<ServerSettings> servers = grid.servers();
        watch.watch(servers.stream().map(ServerSettings::id).collect(Collectors.toSet()));
        watch.tick();
        if (!leading.getAsBoolean()) {
            return;
        }
        for (ServerSettings server : servers) {
            Optional<Liveness> liveness = watch.of(server.id());
            ServerState state = liveness.map(Liveness::state).orElse(ServerState.UP);
            if (state == ServerState.DOWN && grid.takeOff(server.id())) {
                LOG.warn("server {} is down: no heartbeat answer since {} ({}); its containers are placed elsewhere",
                        server.id(), liveness.get().lastAnswer(), watch.failure(server.id()).orElse("no answer"));
                reconcileSoon.run();
            } else if (state == ServerState.RETURNING && clearing.add(server.id())) {
                Thread.ofVirtual().name("hq-clear-" + server.id()).start(() -> clear(server));
            }
        }
        replacement.ifPresent(rule -> replaceLost(rule, servers));
    }

    /** Starts a replacement round when the rule finds a server down long enough and none is under way. */
    private void replaceLost(ReplacementRule rule, List<ServerSettings> servers) {
        Map<String, Liveness> states = new HashMap<>();
        for (ServerSettings server : servers) {
            watch.of(server.id()).ifPresent(liveness -> states.put(server.id(), liveness));
        }
        Replacement decision = rule.decide(states, clock.instant());
        if (decision.isNothing() || !replacing.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("hq-replace").start(() -> {
            try {
                carryOut(decision, rule.replaceAfter());
            } finally {
                replacing.set(false);
            }
        });
    }

    /** Gives back the lost servers, forgets their liveness, then asks for the replacements. */
    private void carryOut(Replacement decision, Duration replaceAfter) {
        List<ServerSettings> givenBack = new ArrayList<>();
        for (String id : decision.giveBack()) {
            Optional<ServerSettings> server = grid.server(id);
            try {
                if (server.isPresent() && grid.giveBackLost(server.get())) {
                    givenBack.add(server.get());
                    LOG.warn("server {} on {} was down for {} s or more: given back to its provider", id,
                            server.get().host(), replaceAfter.toSeconds());
                }
            } catch (IOException e) {
                LOG.warn("server {} is down but its provider could not remove it: {}; trying again", id,
                        e.getMessage());
            }
        }
        watch.watch(grid.servers().stream().map(ServerSettings::id).collect(Collectors.toSet()));
        for (int index = 0; index < Math.min(decision.replacements(), givenBack.size()); index++) {
            ServerSettings lost = givenBack.get(index);
            try {
                ServerSettings added = grid.replace(lost);
                LOG.info("server {} on {} replaces lost server {}", added.id(), added.host(), lost.id());
            } catch (IOException | RuntimeException e) {
                LOG.warn("lost server {} could not be replaced: {}; the grid is below its minimum until a"
                        + " placement adds a server", lost.id(), e.getMessage());
            }
        }
        reconcileSoon.run();
    }


    /** Stops and removes what a returning server still runs, then puts it back on the grid. */
    private void clear(ServerSettings server) {
        try {
            if (grid.isAway(server.id())) {
                AgentClient agent = grid.agent(server);
                List<String> stale = agent.list().containers().stream().map(ContainerStatus::id).toList();
                Parallel.map(stale, id -> agent.remove(id, STALE_GRACE));
                grid.putBack(server);
                LOG.info("server {} is back: removed its {} stale container(s) {}; it takes work again", server.id(),
                        stale.size(), stale);
                reconcileSoon.run();
            }
            watch.cleared(server.id());
        } catch (AgentException e) {
            LOG.warn("server {} is back but its stale containers could not be removed yet: {}; trying again",
                    server.id(), e.getMessage());
        } finally {
            clearing.remove(server.id());
        }
    }
}
