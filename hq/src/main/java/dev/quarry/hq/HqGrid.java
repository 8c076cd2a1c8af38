package dev.quarry.hq;

import dev.quarry.hq.grid.AgentKey;
import dev.quarry.hq.grid.HostKeyBook;
import dev.quarry.hq.grid.StoredHostKeys;
import dev.quarry.hq.identity.StoredAgentKey;
import dev.quarry.hq.grid.Agents;
import dev.quarry.hq.grid.Grid;
import dev.quarry.hq.grid.GridSettings;
import dev.quarry.hq.grid.LocalServerStarter;
import dev.quarry.hq.grid.ServerRequest;
import dev.quarry.hq.grid.ServerSettings;
import dev.quarry.hq.grid.ProviderServers;
import dev.quarry.hq.grid.ServerSource;
import dev.quarry.hq.grid.ServerSupply;
import dev.quarry.hq.grid.ServerStore;
import dev.quarry.hq.grid.StoredLocalRecords;
import dev.quarry.hq.launch.Converger;
import dev.quarry.hq.launch.GridLauncher;
import dev.quarry.hq.launch.PublishedEnv;
import dev.quarry.hq.git.LiveSources;
import dev.quarry.hq.launch.RouteBook;
import dev.quarry.hq.launch.RouteFollower;
import dev.quarry.hq.launch.Routing;
import dev.quarry.hq.launch.SharedRoutes;
import dev.quarry.hq.firewall.FirewallHost;
import dev.quarry.hq.firewall.FirewallReport;
import dev.quarry.hq.firewall.FirewallSettings;
import dev.quarry.hq.firewall.GridFirewall;
import dev.quarry.hq.etcd.EtcdFiles;
import dev.quarry.hq.launch.StackTeardown;
import dev.quarry.hq.destroy.LeftoverCleaner;
import dev.quarry.hq.destroy.Leftovers;
import dev.quarry.hq.layout.LayoutStore;
import dev.quarry.hq.leader.Leadership;
import dev.quarry.locknet.grid.Role;
import dev.quarry.hq.layout.Targets;
import dev.quarry.hq.lock.DeployLocks;
import dev.quarry.hq.liveness.LivenessRule;
import dev.quarry.hq.liveness.LivenessWatch;
import dev.quarry.hq.reconcile.Reconciler;
import dev.quarry.hq.recovery.ReplacementRule;
import dev.quarry.hq.recovery.ServerRecovery;
import dev.quarry.hq.release.SourceFolders;
import dev.quarry.hq.release.StackState;
import dev.quarry.hq.state.StateStore;
import dev.quarry.router.apply.Router;
import dev.quarry.pacific.agent.HqPublicKey;
import dev.quarry.pacific.digitalocean.DigitalOceanProvider;
import dev.quarry.pacific.local.LocalProvider;
import dev.quarry.pacific.local.LocalRecords;
import dev.quarry.pacific.provider.CloudFailure;
import dev.quarry.pacific.provider.CloudProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.security.KeyPair;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The grid side of a running HQ: HQ's agent key, the agents of its servers (local ones started here),
 * slicegrid's placement, the router, the launcher and the reconciler. Part of {@link Hq}, the one place
 * implementations are chosen.
 */
final class HqGrid implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HqGrid.class);
    /** How often a router reads the routes the grid's HQs recorded (with etcd). */
    static final java.time.Duration ROUTE_FOLLOW_PERIOD = java.time.Duration.ofSeconds(1);
    private static final java.time.Duration HEARTBEAT_INTERVAL = java.time.Duration.ofMillis(500);
    private static final java.time.Duration HEARTBEAT_WAIT = java.time.Duration.ofSeconds(1);
    private static final java.time.Duration SWEEP_PERIOD = java.time.Duration.ofMillis(250);
    private final Agents agents;
    private final Optional<LocalServerStarter> local;
    private final Optional<ProviderServers> cloud;
    private final Router router;
    private final Grid grid;
    private final GridLauncher launcher;
    private final Reconciler reconciler;
    private final StackTeardown teardown;
    private final LeftoverCleaner cleaner;
    private final Optional<RouteFollower> follower;
    private final ScheduledExecutorService routes = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("hq-routes").daemon().factory());
    private final LivenessWatch liveness;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("hq-reconcile").daemon().factory());
    private final ScheduledExecutorService watching = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("hq-liveness").daemon().factory());
    /** Routes follow the containers' health as their agents report it ({@link Routing#followHealth}). */
    private final ScheduledExecutorService healthRoutes = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("hq-health-routes").daemon().factory());
    private volatile Runnable healthRouting = () -> { };
    /** When down servers are given back and replaced: empty when the grid adds no servers. */
    private volatile Optional<ReplacementRule> replacement = Optional.empty();

    private HqGrid(Agents agents, Optional<LocalServerStarter> local, Optional<ProviderServers> cloud, Router router,
            Grid grid, GridLauncher launcher, Reconciler reconciler, StackTeardown teardown, LeftoverCleaner cleaner,
            Optional<RouteFollower> follower, LivenessWatch liveness) {
        this.teardown = teardown;
        this.cleaner = cleaner;
        this.liveness = liveness;
        this.agents = agents;
        this.local = local;
        this.cloud = cloud;
        this.router = router;
        this.grid = grid;
        this.launcher = launcher;
        this.reconciler = reconciler;
        this.follower = follower;
    }

    /**
     * @param files where HQ publishes files every server mirrors (with etcd), such as the grid's hosts; with
     *     them (etcd) the agent key is the grid's, sealed in the store ({@link StoredAgentKey})
     */
    static HqGrid open(QuarryHome home, StateStore store, StackState state, DeployLocks locks, GridSettings settings,
            Optional<EtcdFiles> files) throws IOException, InterruptedException {
        KeyPair key = files.isPresent() ? new StoredAgentKey(store, home.etc(), System.getenv()).ensure()
                : AgentKey.ensure(home.etc());
        HostKeyBook hostKeys = files.isPresent() ? new StoredHostKeys(store) : HostKeyBook.NONE;
        Agents agents = Agents.open(key, home.etc().resolve("agent_known_hosts"), hostKeys);
        Optional<LocalServerStarter> local = Optional.empty();
        Optional<ProviderServers> cloud = Optional.empty();
        Router router = null;
        try {
            Optional<ServerSupply> supply = Optional.empty();
            if (settings.addsServers()) {
                if (settings.source() == ServerSource.EMBEDDED) {
                    local = Optional.of(new LocalServerStarter(home.root().resolve("local"),
                            AgentKey.publicKey(home.etc()), settings.localCapacity()));
                    supply = Optional.of(local.get().supply());
                } else {
                    cloud = Optional.of(new ProviderServers(provider(home, store, settings.source(), files),
                            home.etc().resolve("agent_known_hosts"), hostKeys));
                    supply = Optional.of(cloud.get().supply());
                }
            }
            ServerStore servers = new ServerStore(store);
            startServers(servers, local, supply, settings);
            Grid grid = Grid.open(servers, agents, store, home.root().resolve("grid").resolve("grid.json"), supply,
                    settings.localServers(), settings.maxServers(), settings.localCapacity());
            lockDownOnMembershipChange(grid);
            files.ifPresent(published -> publishHostsOnMembershipChange(grid, published));
            router = Router.startOrAdopt(home.root().resolve("router"), settings.router());
            if (router.adopted()) {
                LOG.info("router: took over the nginx (pid {}) an earlier HQ left serving", router.masterPid());
            }
            Optional<SharedRoutes> shared = files.map(published -> new SharedRoutes(store));
            Routing routing = new Routing(router, settings.router().listenPort(),
                    shared.map(it -> (RouteBook) it).orElse(RouteBook.NONE));
            Optional<RouteFollower> follower = shared.map(it -> new RouteFollower(it, routing));
            Converger converger = new Converger(grid, routing, settings.drainGrace(), new PublishedEnv(store));
            LayoutStore layouts = new LayoutStore(store);
            Targets targets = new Targets(state, layouts);
            GridLauncher launcher = new GridLauncher(grid, routing, converger, targets, layouts);
            StackTeardown teardown = new StackTeardown(grid, routing);
            Reconciler reconciler = new Reconciler(state, targets, converger, locks, grid,
                    new SourceFolders(home.stacks()));
            LeftoverCleaner cleaner = new LeftoverCleaner(new Leftovers(store), state, grid, teardown);
            HqGrid opened = new HqGrid(agents, local, cloud, router, grid, launcher, reconciler, teardown, cleaner,
                    follower, watch(grid, settings.serverTtl()));
            opened.healthRouting = () -> routing.followHealth(grid::list);
            opened.replacement = settings.addsServers() ? Optional.of(new ReplacementRule(settings.replaceAfter(),
                    settings.localServers(), settings.maxServers())) : Optional.empty();
            return opened;
        } catch (IOException | InterruptedException | RuntimeException e) {
            closeAll(agents, local, cloud, router);
            throw e;
        }
    }

    /**
     * The liveness watch of the grid's servers: an SSH heartbeat to each agent every half second over the
     * connection HQ keeps to it, answered within a second (or half the suspect time when shorter).
     */
    private static LivenessWatch watch(Grid grid, java.time.Duration ttl) {
        LivenessRule rule = LivenessRule.withTtl(ttl);
        java.time.Duration wait = rule.suspectAfter().dividedBy(2).compareTo(HEARTBEAT_WAIT) < 0
                ? rule.suspectAfter().dividedBy(2) : HEARTBEAT_WAIT;
        LivenessWatch watch = new LivenessWatch(rule, java.time.Clock.systemUTC(),
                id -> grid.agent(grid.server(id).orElseThrow(() -> new IllegalStateException("server " + id
                        + " is gone"))).heartbeat(wait), HEARTBEAT_INTERVAL);
        grid.watchedBy(watch::of);
        return watch;
    }

    /**
     * pacific's provider for the source: local servers as agent processes under {@code local-servers/}, or
     * DigitalOcean with the settings and token under {@code etc/cloud/}.
     */
    private static CloudProvider provider(QuarryHome home, StateStore store, ServerSource source,
            Optional<EtcdFiles> files) throws IOException {
        HqPublicKey hqKey = new HqPublicKey(Files.readString(AgentKey.publicKey(home.etc())).strip());
        try {
            return switch (source) {
                case LOCAL -> LocalProvider.atHome(home.root().resolve("local-servers"), localRecords(home, store, files),
                        hqKey, files.map(published -> java.util.List.of("--etcd", published.endpoint()))
                                .orElse(java.util.List.of()));
                case DIGITALOCEAN -> DigitalOceanProvider.fromHome(home.root(), hqKey);
                case EMBEDDED -> throw new IllegalArgumentException("embedded servers come from no provider");
            };
        } catch (CloudFailure e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Where the local provider keeps its servers' records: with etcd in the store (the home's records from
     * before copied in), so every HQ knows every local server; else the home's {@code local-servers/servers/}.
     */
    private static LocalRecords localRecords(QuarryHome home, StateStore store, Optional<EtcdFiles> files)
            throws CloudFailure {
        LocalRecords inHome = LocalRecords.inFolder(home.root().resolve("local-servers").resolve("servers"));
        if (files.isEmpty()) {
            return inHome;
        }
        StoredLocalRecords stored = new StoredLocalRecords(store);
        stored.importFrom(inHome);
        return stored;
    }

    /**
     * Starts the agents of HQ's own local servers again (they ran in an earlier HQ) and of pacific's local
     * servers whose agents ended (a reboot), then adds servers up
     * to the grid's minimum.
     */
    private static void startServers(ServerStore servers, Optional<LocalServerStarter> local,
            Optional<ServerSupply> supply, GridSettings settings) throws IOException {
        if (supply.isEmpty()) {
            return;
        }
        int count = 0;
        for (ServerSettings server : servers.list()) {
            if (server.isLocal() && local.isPresent()) {
                servers.save(local.get().start(ServerRequest.again(server)));
            } else if (server.isFromProvider() && local.isEmpty()) {
                supply.get().starter().start(ServerRequest.again(server));
            }
            count++;
        }
        for (int number = 1; count < settings.localServers(); number++) {
            if (servers.read("s" + number).isEmpty()) {
                servers.save(supply.get().starter().start(new ServerRequest("s" + number, settings.localCapacity(),
                        Set.of(), Optional.empty())));
                count++;
            }
        }
    }

    /** Takes a destroyed app's routes, containers and folders off the grid. */
    StackTeardown teardown() {
        return teardown;
    }

    GridLauncher launcher() {
        return launcher;
    }

    Grid grid() {
        return grid;
    }

    /**
     * When a server joins the grid, every host's firewall is applied again through its agent (locknet:
     * grid hosts talk to each other, SSH and the agent port stay public), off the push's thread.
     */
    private static void lockDownOnMembershipChange(Grid grid) {
        GridFirewall firewall = new GridFirewall(host -> grid.agent(grid.server(host.name()).orElseThrow()),
                FirewallSettings.DEFAULT);
        grid.onMembershipChange(servers -> Thread.ofVirtual().name("hq-firewall").start(() -> {
            FirewallReport report = firewall.apply(servers.stream()
                    .map(server -> FirewallHost.of(server.id(), server.host(), server.agentPort(), Set.of(Role.SERVER)))
                    .toList());
            LOG.info("firewall: {}", report.summary());
        }));
    }

    /**
     * Every server mirrors {@code hosts}: a line {@code ADDRESS ID} for each server in the grid, written when
     * the grid's servers change and once at start.
     */
    private static void publishHostsOnMembershipChange(Grid grid, EtcdFiles files) {
        java.util.function.Consumer<java.util.List<ServerSettings>> publish = servers -> {
            StringBuilder hosts = new StringBuilder();
            servers.forEach(server -> hosts.append(server.host()).append(' ').append(server.id()).append('\n'));
            try {
                files.put("hosts", hosts.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                LOG.warn("cannot publish the grid's hosts file: {}", e.getMessage());
            }
        };
        grid.onMembershipChange(publish);
        publish.accept(grid.servers());
    }

    /**
     * Reconciles once now, then every period, whenever this HQ is the leader (always, without etcd), then
     * gives back servers left empty above the minimum. With etcd the leader first puts each stack's live
     * source in place ({@link LiveSources}: the release may have been pushed through another HQ), and every
     * HQ's router follows the routes any HQ recorded ({@link RouteFollower}, every {@link #ROUTE_FOLLOW_PERIOD});
     * without, an HQ that does not lead routes what runs each period.
     */
    void reconcileNowAndEvery(java.time.Duration period, Leadership leadership, Optional<LiveSources> sources) {
        Runnable round = () -> {
            if (leadership.isLeader()) {
                sources.ifPresent(LiveSources::ensureAll);
                cleanLeftovers();
                reconciler.reconcileAll();
                grid.giveBackEmpty();
            } else if (follower.isEmpty()) {
                reconciler.routeAll();
            }
        };
        follower.ifPresent(RouteFollower::followAll);
        round.run();
        schedule.scheduleWithFixedDelay(round, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        follower.ifPresent(it -> routes.scheduleWithFixedDelay(it::followAll, ROUTE_FOLLOW_PERIOD.toMillis(),
                ROUTE_FOLLOW_PERIOD.toMillis(), TimeUnit.MILLISECONDS));
        healthRoutes.scheduleWithFixedDelay(() -> {
            try {
                healthRouting.run();
            } catch (RuntimeException e) {
                LOG.warn("router: cannot follow the containers' health now: {}", e.getMessage());
            }
        }, Routing.HEALTH_PERIOD.toMillis(), Routing.HEALTH_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        ServerRecovery recovery = new ServerRecovery(grid, liveness, leadership::isLeader,
                () -> schedule.execute(round), replacement, java.time.Clock.systemUTC());
        watching.scheduleWithFixedDelay(() -> {
            try {
                recovery.sweep();
            } catch (RuntimeException e) {
                LOG.warn("liveness: {}", e.getMessage());
            }
        }, 0, SWEEP_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Cleans what destroyed apps left on servers that did not answer then, now that they may. */
    private void cleanLeftovers() {
        try {
            cleaner.cleanAll();
        } catch (RuntimeException e) {
            LOG.warn("cannot clean what destroyed apps left now: {}; trying again next round", e.getMessage());
        }
    }

    /** Stops the containers of the local servers HQ started (for {@code quarry up}'s Ctrl-C). */
    void stopLocalContainers() {
        stopBackground();
        local.ifPresent(starter -> starter.stopContainers(java.time.Duration.ofSeconds(5)));
    }

    @Override
    public void close() throws IOException {
        stopBackground();
        closeAll(agents, local, cloud, router);
    }

    /** Closes everything but the router's nginx, which keeps serving until the next HQ takes it over. */
    void closeLeavingRouter() throws IOException {
        stopBackground();
        LOG.info("router: leaving the nginx (pid {}) serving for the next HQ to take over", router.masterPid());
        router.leaveRunning();
        closeAll(agents, local, cloud, null);
    }

    /** Stops the liveness watch, the route follower and the reconciler, and waits for a route round to end. */
    private void stopBackground() {
        healthRoutes.shutdownNow();
        watching.shutdownNow();
        liveness.close();
        routes.shutdownNow();
        schedule.shutdownNow();
        try {
            routes.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeAll(Agents agents, Optional<LocalServerStarter> local, Optional<ProviderServers> cloud,
            Router router) throws IOException {
        try {
            if (router != null) {
                router.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            agents.close();
            if (cloud.isPresent()) {
                cloud.get().close();
            }
            if (local.isPresent()) {
                local.get().close();
            }
        }
    }
}
