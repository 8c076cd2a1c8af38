package dev.quarry.hq;

import dev.quarry.files.AtomicFiles;
import dev.quarry.files.ProcessLock;
import dev.quarry.hq.access.AccessControl;
import dev.quarry.hq.access.AccessStore;
import dev.quarry.hq.access.AuditLog;
import dev.quarry.hq.access.KeyFileSharing;
import dev.quarry.hq.access.KeyFolder;
import dev.quarry.hq.build.BuildLogs;
import dev.quarry.hq.destroy.Destroyer;
import dev.quarry.hq.commands.Redeployer;
import dev.quarry.hq.commands.Verbs;
import dev.quarry.hq.dashboard.Dashboard;
import dev.quarry.hq.etcd.EtcdConnection;
import dev.quarry.hq.etcd.EtcdFiles;
import dev.quarry.hq.git.FetchService;
import dev.quarry.hq.git.LiveSources;
import dev.quarry.hq.git.PushService;
import dev.quarry.hq.git.RepositoryMirror;
import dev.quarry.hq.git.StoredRepositories;
import dev.quarry.hq.git.StackRepositories;
import dev.quarry.hq.grid.Grid;
import dev.quarry.hq.launch.GridLauncher;
import dev.quarry.hq.launch.Launcher;
import dev.quarry.hq.launch.PlanPrintingLauncher;
import dev.quarry.hq.leader.EtcdLeadership;
import dev.quarry.hq.leader.Leadership;
import dev.quarry.hq.leader.SoleLeadership;
import dev.quarry.hq.lock.DeployLocks;
import dev.quarry.hq.lock.EtcdDeployLocks;
import dev.quarry.hq.lock.FileDeployLocks;
import dev.quarry.hq.release.DeployFeed;
import dev.quarry.hq.release.ReleaseMaker;
import dev.quarry.hq.release.SourceFolders;
import dev.quarry.hq.release.StackConfig;
import dev.quarry.hq.release.StackState;
import dev.quarry.hq.ssh.CommandRouter;
import dev.quarry.hq.ssh.KeyFolderAuthenticator;
import dev.quarry.hq.ssh.SshEndpoint;
import dev.quarry.hq.state.FileStateStore;
import dev.quarry.hq.state.StateKey;
import dev.quarry.hq.state.StateStore;
import dev.quarry.hq.state.etcd.EtcdStateStore;
import dev.quarry.ssh.LockedDownServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/**
 * A running HQ. This is the one place that chooses the implementations: the file state store and file
 * deploy locks, or with etcd the etcd store, lease-held deploy locks and an election for reconciling;
 * MINA SSHD and JGit; and the launcher: {@link GridLauncher} on a grid of agents, slicegrid
 * and the router when HQ is given one, else the plan printer (a test may pass its own).
 */
public final class Hq implements AutoCloseable {
    /** How long a push or command waits for another deploy of the same stack. */
    static final Duration DEPLOY_LOCK_WAIT = Duration.ofMinutes(15);

    private final QuarryHome home;
    private final ProcessLock homeLock;
    private final ExecutorService executor;
    private final LockedDownServer endpoint;
    private final Optional<HqGrid> grid;
    private final Optional<EtcdConnection> etcd;
    private final Leadership leadership;
    private final Optional<Dashboard> dashboard;
    private boolean closed;

    private Hq(QuarryHome home, ProcessLock homeLock, ExecutorService executor, LockedDownServer endpoint,
            Optional<HqGrid> grid, Optional<EtcdConnection> etcd, Leadership leadership,
            Optional<Dashboard> dashboard) {
        this.home = home;
        this.homeLock = homeLock;
        this.executor = executor;
        this.endpoint = endpoint;
        this.grid = grid;
        this.etcd = etcd;
        this.leadership = leadership;
        this.dashboard = dashboard;
    }

    /** Starts HQ: on its grid when the options give one (reconciled before it listens), else planning only. */
    public static Hq start(HqOptions options) throws IOException {
        return start(options, Optional.empty());
    }

    /** Starts HQ with another launcher (tests use a hand-made one); the options' grid is not used. */
    public static Hq start(HqOptions options, Launcher launcher) throws IOException {
        return start(new HqOptions(options.home(), options.listen(), Optional.empty(), options.etcd(),
                options.dashboard()), Optional.of(launcher));
    }

    private static Hq start(HqOptions options, Optional<Launcher> given) throws IOException {
        QuarryHome home = options.home();
        AtomicFiles.createFolders(home.root());
        ProcessLock homeLock = HomeLocks.take(home);
        ExecutorService executor = Executors.newCachedThreadPool(Thread.ofPlatform().name("hq-command-", 1)
                .daemon().factory());
        Optional<HqGrid> grid = Optional.empty();
        Optional<EtcdConnection> etcd = options.etcd().map(EtcdConnection::open);
        Leadership leadership = new SoleLeadership();
        Optional<Dashboard> dashboard = Optional.empty();
        try {
            home.prepare();
            Clock clock = Clock.systemUTC();
            StateStore store;
            DeployLocks locks;
            if (etcd.isPresent()) {
                store = new EtcdStateStore(etcd.get());
                store.children(StateKey.of("stacks"));
                locks = new EtcdDeployLocks(etcd.get(), clock, DEPLOY_LOCK_WAIT);
                leadership = EtcdLeadership.start(etcd.get(), EtcdLeadership.RECONCILER, EtcdLeadership.DEFAULT_TTL);
            } else {
                FileStateStore files = new FileStateStore(home.root());
                files.protectSecrets();
                store = files;
                locks = new FileDeployLocks(home.locks(), clock, DEPLOY_LOCK_WAIT);
            }
            StackRepositories repositories = new StackRepositories(home.stacks(), home.temporary());
            repositories.sweep();
            StackState state = new StackState(store);
            StackConfig config = new StackConfig(store);
            AccessStore accessStore = new AccessStore(store);
            KeyFolder keyFolder = new KeyFolder(home.keys());
            Optional<KeyFileSharing> sharing = etcd.map(shared -> new KeyFileSharing(accessStore, keyFolder,
                    home.etc().resolve("shared_key_files"), clock));
            AccessControl access = new AccessControl(accessStore, new AuditLog(store), keyFolder,
                    app -> state.stack(app).isPresent() || Files.isDirectory(repositories.gitDirectory(app)), clock,
                    sharing);
            access.start();
            sharing.ifPresent(KeyFileSharing::share);
            grid = openGrid(options, home, store, state, locks, etcd);
            Optional<HqGrid> opened = grid;
            Launcher launcher = given.orElseGet(() -> opened.map(it -> (Launcher) it.launcher())
                    .orElseGet(PlanPrintingLauncher::new));
            DeployFeed feed = new DeployFeed();
            ReleaseMaker maker = new ReleaseMaker(state, new SourceFolders(home.stacks()), launcher, clock, feed);
            RepositoryMirror mirror = etcd.isPresent() ? new StoredRepositories(store) : RepositoryMirror.NONE;
            PushService pushes = new PushService(repositories, state, config, maker, locks, mirror);
            Verbs verbs = Verbs.standard(state, config, new Redeployer(locks, repositories, state, maker, mirror),
                    grid.map(HqGrid::grid), access, new BuildLogs(home.stacks()), new Destroyer(store, accessStore,
                            home.stacks(), home.temporary(), grid.map(HqGrid::teardown)));
            dashboard = options.dashboard().isEmpty() ? Optional.empty()
                    : Optional.of(Dashboard.bind(options.dashboard().get(), clock));
            if (dashboard.isPresent()) {
                verbs = verbs.with("dashboard", dashboard.get().verb());
                dashboard.get().serve(state, feed, grid.map(HqGrid::grid), access, verbs, clock);
            }
            CommandRouter router = new CommandRouter(pushes, new FetchService(repositories), verbs, access, executor);
            Leadership leader = leadership;
            Optional<LiveSources> sources = etcd.map(shared -> new LiveSources(state, repositories, mirror,
                    new SourceFolders(home.stacks()), locks));
            grid.ifPresent(it -> it.reconcileNowAndEvery(options.grid().orElseThrow().reconcilePeriod(), leader,
                    sources));
            LockedDownServer endpoint = SshEndpoint.start(options.listen(), home.hostKey(),
                    new KeyFolderAuthenticator(access), router, executor);
            AtomicFiles.write(home.hostPublicKey(), (hostKeyLine(endpoint.hostKey()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return new Hq(home, homeLock, executor, endpoint, grid, etcd, leadership, dashboard);
        } catch (IOException | RuntimeException e) {
            dashboard.ifPresent(Dashboard::close);
            executor.shutdownNow();
            grid.ifPresent(Hq::closeQuietly);
            leadership.close();
            etcd.ifPresent(EtcdConnection::close);
            homeLock.close();
            throw e;
        }
    }

    private static Optional<HqGrid> openGrid(HqOptions options, QuarryHome home, StateStore store, StackState state,
            DeployLocks locks, Optional<EtcdConnection> etcd) throws IOException {
        if (options.grid().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(HqGrid.open(home, store, state, locks, options.grid().get(),
                    etcd.map(EtcdFiles::new)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the grid", e);
        }
    }

    private static void closeQuietly(HqGrid grid) {
        try {
            grid.close();
        } catch (IOException | RuntimeException e) {
            // already failing; the first problem is the one reported
        }
    }

    /** The grid HQ runs on, when it has one (tests look at its agents). */
    public Optional<Grid> grid() {
        return grid.map(HqGrid::grid);
    }

    public QuarryHome home() {
        return home;
    }

    /** The dashboard's address ({@code http://127.0.0.1:8090}), when HQ serves one. */
    public Optional<String> dashboardAddress() {
        return dashboard.map(Dashboard::address);
    }

    /** The port the SSH endpoint listens on. */
    public int port() {
        return endpoint.port();
    }

    /** HQ's host key in OpenSSH's one-line form, such as {@code ecdsa-sha2-nistp256 AAAA...}. */
    public String hostKeyLine() {
        return hostKeyLine(endpoint.hostKey());
    }

    /** The host key's SHA256 fingerprint, as ssh shows it. */
    public String hostKeyFingerprint() {
        return KeyUtils.getFingerPrint(endpoint.hostKey());
    }

    private static String hostKeyLine(PublicKey key) {
        return PublicKeyEntry.toString(key);
    }

    /** Stops every container of the local servers this HQ started; HQ itself keeps running until closed. */
    public void stopLocalContainers() {
        grid.ifPresent(HqGrid::stopLocalContainers);
    }

    /** Stops listening and lets running commands finish their current step; stops the router's nginx too. */
    @Override
    public void close() throws IOException {
        close(false);
    }

    /**
     * As {@link #close()}, but the router's nginx keeps serving for the next HQ on this home to take over: how
     * {@code quarry hq} stops on SIGTERM, so a restart drops no request.
     */
    public void closeLeavingRouter() throws IOException {
        close(true);
    }

    private synchronized void close(boolean leaveRouter) throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        dashboard.ifPresent(Dashboard::close);
        try {
            endpoint.close();
        } finally {
            executor.shutdown();
            try {
                if (grid.isPresent() && leaveRouter) {
                    grid.get().closeLeavingRouter();
                } else if (grid.isPresent()) {
                    grid.get().close();
                }
            } finally {
                leadership.close();
                etcd.ifPresent(EtcdConnection::close);
                homeLock.close();
            }
        }
    }
}
