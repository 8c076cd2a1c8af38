package dev.quarry.cli.up;

import dev.quarry.cli.ExitCodes;
import dev.quarry.hq.Hq;
import dev.quarry.hq.HqMain;
import dev.quarry.hq.HqOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quarry up}: HQ on 127.0.0.1:2222, one local server ({@code --servers N} for more; more still when the grid
 * is full, up to {@code --max-servers}) and nginx on
 * 127.0.0.1:8080, with a home for the current user; trusts the user's own SSH keys on first start and
 * stops everything it started on Ctrl-C or SIGTERM.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Run Quarry on this machine: HQ, a local server and nginx, until Ctrl-C.")
public class UpCommand implements Callable<Integer> {
    @Option(names = "--home", paramLabel = "DIR", description = "Quarry's home (default: QUARRY_HOME, else ~/.quarry;"
            + " /home/quarry for root)")
    String home;

    @Option(names = "--ssh", paramLabel = "ADDR:PORT", defaultValue = "127.0.0.1:2222",
            description = "HQ's SSH endpoint for git push and quarry commands (default: ${DEFAULT-VALUE})")
    String ssh;

    @Option(names = "--http", paramLabel = "ADDR:PORT", defaultValue = "127.0.0.1:8080",
            description = "where nginx serves the apps (default: ${DEFAULT-VALUE})")
    String http;

    @Option(names = "--https", paramLabel = "ADDR:PORT",
            description = "where nginx also serves the apps over HTTPS, once a domain has a certificate (default: HTTP only)")
    String https;

    @Option(names = "--dashboard", paramLabel = "ADDR:PORT", defaultValue = HqOptions.DEFAULT_DASHBOARD,
            description = "where HQ serves the web dashboard; log in with: quarry dashboard (default: ${DEFAULT-VALUE})")
    String dashboard;

    @Option(names = "--servers", paramLabel = "N", defaultValue = "1",
            description = "local servers to start at once and keep at least (default: ${DEFAULT-VALUE})")
    String servers;

    @Option(names = "--max-servers", paramLabel = "N", defaultValue = "4",
            description = "local servers the grid may grow to when full; empty ones above --servers are given back"
                    + " (default: ${DEFAULT-VALUE})")
    String maxServers;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        HqOptions options;
        try {
            options = HqMain.parse(words());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("quarry up: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        HqMain.configureLogging();
        List<Path> trusted = UserKeys.trustOnFirstStart(options.home().keys(), Path.of(System.getProperty("user.home")),
                System.getProperty("user.name"));
        CountDownLatch stopped = new CountDownLatch(1);
        Hq hq = Hq.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(hq, stopped), "quarry-up-stop"));
        out.print(Welcome.text(options, hq, trusted));
        out.flush();
        afterStart(options, hq, out);
        stopped.await();
        return ExitCodes.OK;
    }

    /** What runs once everything answers, before waiting for Ctrl-C ({@code quarry demo} pushes its app). */
    protected void afterStart(HqOptions options, Hq hq, PrintWriter out) throws IOException, InterruptedException {
        // quarry up just keeps running
    }

    private static void stop(Hq hq, CountDownLatch stopped) {
        try {
            System.err.println("quarry up: stopping the apps, the local servers and nginx");
            hq.stopLocalContainers();
            hq.close();
        } catch (IOException | RuntimeException e) {
            System.err.println("quarry up: stopping: " + e.getMessage());
        } finally {
            stopped.countDown();
        }
    }

    private List<String> words() {
        List<String> words = new ArrayList<>();
        if (home != null) {
            words.addAll(List.of("--home", home));
        }
        words.addAll(List.of("--listen", ssh, "--router", http, "--local-servers", servers, "--max-servers", maxServers,
                "--dashboard", dashboard));
        if (https != null) {
            words.addAll(List.of("--https", https));
        }
        return words;
    }
}
