package dev.quarry.hq;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java dev.quarry.hq.HqMain [--home DIR] [--listen ADDR:PORT] [--router ADDR:PORT ...]}: runs HQ
 * until stopped; with {@code --router} on its grid (see {@link #USAGE}). It prints
 * {@code hq listening on ADDR:PORT} once it accepts connections. {@code quarry hq} calls {@link #serve} too.
 */
public final class HqMain {
    static final String USAGE = "hq [--home DIR] [--listen ADDR:PORT] [--etcd URL] [--dashboard ADDR:PORT] [--router ADDR:PORT"
            + " [--provider embedded|local|digitalocean] [--min-servers N] [--max-servers N] [--server-size MEM,CPU]"
            + " [--drain-grace DURATION] [--server-ttl DURATION] [--replace-after DURATION] [--https ADDR:PORT]]";
    private static final List<String> GRID_OPTIONS = List.of("--provider", "--min-servers", "--local-servers",
            "--max-servers", "--server-size", "--drain-grace", "--server-ttl", "--replace-after", "--https");
    private static final List<String> OPTIONS = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("--home", "--listen", "--etcd", "--dashboard", "--router"), GRID_OPTIONS.stream()).toList();

    private HqMain() {}

    public static void main(String[] args) {
        HqOptions options;
        try {
            options = parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("quarry hq: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(serve(options, System.out, System.err));
    }

    /** Runs HQ until the process is told to stop; returns the exit status. */
    public static int serve(HqOptions options, PrintStream out, PrintStream err) {
        configureLogging();
        CountDownLatch stopped = new CountDownLatch(1);
        try (Hq hq = Hq.start(options)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                closeQuietly(hq);
                stopped.countDown();
            }, "hq-shutdown"));
            out.println("hq listening on " + options.listen().getHostString() + ":" + hq.port());
            out.println("hq home: " + hq.home().root());
            out.println("hq host key: " + hq.hostKeyLine() + " (" + hq.hostKeyFingerprint() + ")");
            hq.dashboardAddress().ifPresent(address -> out.println("hq dashboard: " + address
                    + " (log in with a one-time link: quarry dashboard)"));
            out.flush();
            stopped.await();
            return 0;
        } catch (IOException | IllegalStateException | dev.quarry.hq.state.StateException e) {
            err.println("quarry hq: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /**
     * {@code quarry hq migrate --to-etcd URL}: copies the home's state into an empty etcd and reads it back;
     * refused while an HQ runs on the home. Answers the exit status.
     */
    public static int migrate(QuarryHome home, String etcd, PrintStream out, PrintStream err) {
        try {
            HqOptions.checkEtcd(etcd);
        } catch (IllegalArgumentException e) {
            err.println("quarry hq migrate: " + e.getMessage().replaceFirst("^--etcd", "--to-etcd"));
            return 2;
        }
        if (!java.nio.file.Files.isDirectory(home.root().resolve("stacks"))) {
            err.println("quarry hq migrate: " + home.root() + " is not a Quarry home (it has no stacks/ folder);"
                    + " give the one HQ ran on with --home");
            return 1;
        }
        try (dev.quarry.files.ProcessLock lock = HomeLocks.take(home);
                dev.quarry.hq.etcd.EtcdConnection connection = dev.quarry.hq.etcd.EtcdConnection.open(etcd)) {
            dev.quarry.hq.state.etcd.MigrationResult result = new dev.quarry.hq.state.etcd.StateMigration(
                    new dev.quarry.hq.state.FileStateStore(home.root()),
                    new dev.quarry.hq.state.etcd.EtcdStateStore(connection)).migrate();
            out.println("quarry hq migrate: " + result.describe() + " from " + home.root() + " to etcd at " + etcd
                    + "; start HQ with --etcd " + etcd);
            return 0;
        } catch (IOException | IllegalStateException | dev.quarry.hq.state.StateException e) {
            err.println("quarry hq migrate: " + e.getMessage());
            return 1;
        }
    }

    /** The options of {@code quarry hq} from its words, as {@link #USAGE} describes them. */
    public static HqOptions parse(List<String> args) {
        Map<String, String> values = new HashMap<>();
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String option = rest.removeFirst();
            if (rest.isEmpty() || !OPTIONS.contains(option)) {
                throw new IllegalArgumentException("unknown argument " + option + "; usage: " + USAGE);
            }
            values.put(option, rest.removeFirst());
        }
        HqOptions options = HqOptions.of(Optional.ofNullable(values.get("--home")),
                Optional.ofNullable(values.get("--listen")), System.getenv());
        if (values.containsKey("--etcd")) {
            options = options.withEtcd(values.get("--etcd"));
        }
        if (values.containsKey("--dashboard")) {
            options = options.withDashboard(values.get("--dashboard"));
        }
        if (!values.containsKey("--router")) {
            if (values.keySet().stream().anyMatch(GRID_OPTIONS::contains)) {
                throw new IllegalArgumentException(String.join(", ", GRID_OPTIONS) + " need --router ADDR:PORT,"
                        + " where the router listens");
            }
            return options;
        }
        options = options.withGrid(GridOptionsParser.settings(values));
        if (options.etcd().isPresent() && options.grid().get().addsServers()
                && options.grid().get().source() == dev.quarry.hq.grid.ServerSource.EMBEDDED) {
            throw new IllegalArgumentException("--provider embedded (the default) keeps servers inside one HQ's"
                    + " process; with --etcd give --provider local or digitalocean, or add servers by hand");
        }
        return options;
    }

    /** HQ's own lines at info, libraries' at warn, on stderr with the time; unless already configured. */
    public static void configureLogging() {
        dev.quarry.ssh.DaemonLogging.configure();
    }

    /** On SIGTERM: everything stops but the router's nginx, which the next HQ takes over. */
    private static void closeQuietly(Hq hq) {
        try {
            hq.closeLeavingRouter();
        } catch (IOException e) {
            System.err.println("quarry hq: stopping: " + e.getMessage());
        }
    }
}
