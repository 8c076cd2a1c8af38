package dev.quarry.cli.hq;

import dev.quarry.hq.HqMain;
import dev.quarry.hq.QuarryHome;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quarry hq migrate --to-etcd URL [--home DIR]}: copies a file home's state into an empty etcd, once. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Copy the state of a Quarry home (stacks, releases, env, servers, the grid) into an empty"
                + " etcd and read every key back; stop HQ first. Then run every HQ with --etcd URL.",
            "Git repositories and release sources stay in the home."})
public final class HqMigrateCommand implements Callable<Integer> {
    @Option(names = "--to-etcd", paramLabel = "URL", required = true,
            description = "etcd's client URL, such as http://127.0.0.1:2379")
    String etcd;

    @Option(names = "--home", paramLabel = "DIR",
            description = "the home to copy (default: QUARRY_HOME, else /home/quarry for root, ~/.quarry for anyone"
                    + " else)")
    String home;

    @Override
    public Integer call() {
        QuarryHome quarryHome = QuarryHome.resolve(Optional.ofNullable(home), System.getenv(),
                System.getProperty("user.name"), System.getProperty("user.home"));
        return HqMain.migrate(quarryHome, etcd, System.out, System.err);
    }
}
