package dev.quarry.hq;

import dev.quarry.hq.commands.Redeployer;
import dev.quarry.hq.commands.Verbs;
import dev.quarry.hq.git.FetchService;
import dev.quarry.hq.git.PushService;
import dev.quarry.hq.git.StackRepositories;
import dev.quarry.hq.grid.Grid;
import dev.quarry.hq.launch.GridLauncher;
import dev.quarry.hq.launch.Launcher;
import dev.quarry.hq.launch.PlanPrintingLauncher;
import dev.quarry.hq.lock.DeployLocks;
import dev.quarry.hq.lock.FileDeployLocks;
import dev.quarry.hq.release.ReleaseMaker;
import dev.quarry.hq.release.SourceFolders;
import dev.quarry.hq.release.StackConfig;
import dev.quarry.hq.release.StackState;
import dev.quarry.hq.ssh.CommandRouter;
import dev.quarry.hq.ssh.KeyFolderAuthenticator;
import dev.quarry.hq.ssh.SshEndpoint;
import dev.quarry.files.AtomicFiles;
import dev.quarry.hq.state.FileStateStore;
import dev.quarry.hq.state.StateStore;
import dev.quarry.ssh.LockedDownServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/**
 * A running HQ. This is the one place that chooses the implementations: the file state store, file
 * deploy locks, MINA SSHD and JGit, and the launcher: {@link GridLauncher} on a grid of agents, slicegrid
 * and the router when HQ is given one, else the plan printer (a test may pass its own).
 */
public final class Hq implements AutoCloseable {
    /** How long a push or command waits for another deploy of the same stack. */
    static final Duration DEPLOY_LOCK_WAIT = Duration.ofMinutes(15);

    private final QuarryHome home;
    private final HomeLock homeLock;
    private final ExecutorService executor;
    private final LockedDownServer endpoint;
    private final Optional<HqGrid> grid;
    private boolean closed;

    private Hq(QuarryHome home, HomeLock homeLock, ExecutorService executor, LockedDownServer endpoint,
            Optional<HqGrid> grid) {
        this.home = home;
        this.homeLock = homeLock;
        this.executor = executor;
        this.endpoint = endpoint;
        this.grid = grid;
    }

    /** Starts HQ: on its grid when the options give one (reconciled before it listens), else planning only. */
    public static Hq start(HqOptions options) throws IOException {
        return start(options, Optional.empty());
    }

    /** Starts HQ with another launcher (tests use a hand-made one); the options' grid is not used. */
    public static Hq start(HqOptions options, Launcher launcher) throws IOException {
        return start(new HqOptions(options.home(), options.listen()), Optional.of(launcher));
    }

    private static Hq start(HqOptions options, Optional<Launcher> given) throws IOException {
        QuarryHome home = options.home();
        AtomicFiles.createFolders(home.root());
        HomeLock homeLock = HomeLock.take(home.root());
        ExecutorService executor = Executors.newCachedThreadPool(Thread.ofPlatform().name("hq-command-", 1)
                .daemon().factory());
        Optional<HqGrid> grid = Optional.empty();
        try {
            home.prepare();
            StateStore store = new FileStateStore(home.root());
            StackRepositories repositories = new StackRepositories(home.stacks(), home.temporary());
            repositories.sweep();
            StackState state = new StackState(store);
            StackConfig config = new StackConfig(store);
            Clock clock = Clock.systemUTC();
            DeployLocks locks = new FileDeployLocks(home.locks(), clock, DEPLOY_LOCK_WAIT);
            grid = openGrid(options, home, store, state, locks);
            Optional<HqGrid> opened = grid;
            Launcher launcher = given.orElseGet(() -> opened.map(it -> (Launcher) it.launcher())
                    .orElseGet(PlanPrintingLauncher::new));
            ReleaseMaker maker = new ReleaseMaker(state, new SourceFolders(home.stacks()), launcher, clock);
            PushService pushes = new PushService(repositories, state, config, maker, locks);
            Verbs verbs = Verbs.standard(store, state, config, new Redeployer(locks, repositories, state, maker),
                    grid.map(HqGrid::grid));
            CommandRouter router = new CommandRouter(pushes, new FetchService(repositories), verbs, executor);
            grid.ifPresent(it -> it.reconcileNowAndEvery(options.grid().orElseThrow().reconcilePeriod()));
            LockedDownServer endpoint = SshEndpoint.start(options.listen(), home.hostKey(),
                    new KeyFolderAuthenticator(home.keys()), router, executor);
            AtomicFiles.write(home.hostPublicKey(), (hostKeyLine(endpoint.hostKey()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return new Hq(home, homeLock, executor, endpoint, grid);
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            grid.ifPresent(Hq::closeQuietly);
            homeLock.close();
            throw e;
        }
    }

    private static Optional<HqGrid> openGrid(HqOptions options, QuarryHome home, StateStore store, StackState state,
            DeployLocks locks) throws IOException {
        if (options.grid().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(HqGrid.open(home, store, state, locks, options.grid().get()));
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

    /** Stops listening and lets running commands finish their current step. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            endpoint.close();
        } finally {
            executor.shutdown();
            try {
                if (grid.isPresent()) {
                    grid.get().close();
                }
            } finally {
                homeLock.close();
            }
        }
    }
}
