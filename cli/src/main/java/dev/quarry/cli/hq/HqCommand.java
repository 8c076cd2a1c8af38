package dev.quarry.cli.hq;

import dev.quarry.cli.ExitCodes;
import dev.quarry.hq.HqMain;
import dev.quarry.hq.HqOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quarry hq [--home DIR] [--listen ADDR:PORT] [--router ADDR:PORT [--provider NAME] [--min-servers N]
 * [--max-servers N] [--server-size MEM,CPU] [--drain-grace D] [--server-ttl D] [--replace-after D] [--https ADDR:PORT]]}: runs HQ in the foreground
 * until stopped; with a router it runs pushes on its grid.
 */
@Command(name = "hq", mixinStandardHelpOptions = true, subcommands = HqMigrateCommand.class,
        description = "Run HQ, the SSH endpoint for git push and quarry commands, until stopped.")
public final class HqCommand implements Callable<Integer> {
    @Option(names = "--home", paramLabel = "DIR",
            description = "where HQ keeps its state (default: QUARRY_HOME, else /home/quarry for root, ~/.quarry"
                    + " for anyone else)")
    String home;

    @Option(names = "--listen", paramLabel = "ADDR:PORT",
            description = "address and port of the SSH endpoint (default: " + HqOptions.DEFAULT_LISTEN + ")")
    String listen;

    @Option(names = "--etcd", paramLabel = "URL",
            description = "keep the state, deploy locks and leadership in etcd, shared with other HQs, such as"
                    + " http://127.0.0.1:2379 (default: files in the home, this HQ alone)")
    String etcd;

    @Option(names = "--dashboard", paramLabel = "ADDR:PORT",
            description = "serve the web dashboard here, such as " + HqOptions.DEFAULT_DASHBOARD
                    + " (log in with: quarry dashboard; default: no dashboard)")
    String dashboard;

    @Option(names = "--router", paramLabel = "ADDR:PORT",
            description = "run the grid: nginx listens here for the apps' domains (without it pushes are only recorded)")
    String router;

    @Option(names = "--provider", paramLabel = "NAME",
            description = "where servers come from: embedded (agents in HQ's process, the default), local (an agent"
                    + " process per server on its own loopback address) or digitalocean (droplets; settings and"
                    + " token in HOME/etc/cloud/)")
    String provider;

    @Option(names = {"--min-servers", "--local-servers"}, paramLabel = "N",
            description = "servers the grid keeps at least, made at start when missing (with --router)")
    String minServers;

    @Option(names = "--max-servers", paramLabel = "N",
            description = "the grid grows up to N servers when full and gives back empty ones above --min-servers"
                    + " (default: --min-servers)")
    String maxServers;

    @Option(names = "--server-size", paramLabel = "MEM,CPU",
            description = "what to ask for when adding a server, such as 2G,1 or 2048M,1000m (default 8G,8)")
    String serverSize;

    @Option(names = "--drain-grace", paramLabel = "DURATION",
            description = "how long old containers keep serving after routes switch (default 2s)")
    String drainGrace;

    @Option(names = "--server-ttl", paramLabel = "DURATION",
            description = "a server whose agent leaves HQ's heartbeat unanswered this long is down and its containers"
                    + " run elsewhere; suspect after 2s (default 10s)")
    String serverTtl;

    @Option(names = "--replace-after", paramLabel = "DURATION",
            description = "a server down this long is given back to its provider, and replaced when the grid would"
                    + " fall below --min-servers (default 5m)")
    String replaceAfter;

    @Option(names = "--https", paramLabel = "ADDR:PORT",
            description = "where the router also serves HTTPS, such as 0.0.0.0:443")
    String https;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        HqOptions options;
        try {
            options = HqMain.parse(words());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("quarry hq: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ExitCodes.INVALID_INPUT;
        }
        return HqMain.serve(options, System.out, System.err);
    }

    private List<String> words() {
        List<String> words = new ArrayList<>();
        add(words, "--home", home);
        add(words, "--listen", listen);
        add(words, "--etcd", etcd);
        add(words, "--dashboard", dashboard);
        add(words, "--router", router);
        add(words, "--provider", provider);
        add(words, "--min-servers", minServers);
        add(words, "--max-servers", maxServers);
        add(words, "--server-size", serverSize);
        add(words, "--drain-grace", drainGrace);
        add(words, "--server-ttl", serverTtl);
        add(words, "--replace-after", replaceAfter);
        add(words, "--https", https);
        return words;
    }

    static void add(List<String> words, String option, String value) {
        if (value != null) {
            words.addAll(List.of(option, value));
        }
    }
}
