package dev.quarry.cli;

import dev.quarry.cli.agent.AgentCommand;
import dev.quarry.cli.bench.BenchCommand;
import dev.quarry.cli.build.BuildCommand;
import dev.quarry.cli.hq.HqCommand;
import dev.quarry.cli.locknet.LocknetCommand;
import dev.quarry.cli.demo.DemoCommand;
import dev.quarry.cli.local.StartCommand;
import dev.quarry.cli.local.StopCommand;
import dev.quarry.cli.up.UpCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The top-level {@code quarry} command; each verb is a subcommand. */
@Command(
        name = "quarry",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Turns git push into running, routed containers on a grid of servers.",
        subcommands = {
            UpCommand.class,
            DemoCommand.class,
            StartCommand.class,
            StopCommand.class,
            AgentCommand.class,
            BuildCommand.class,
            HqCommand.class,
            LocknetCommand.class,
            BenchCommand.class,
            HelpCommand.class
        })
public final class QuarryCommand implements Runnable {
    /** The verbs that run on HQ over SSH (apps, ps, scale, logs, ...), added in {@link Main}. */
    public static final Class<?>[] REMOTE_VERBS = dev.quarry.cli.remote.Verbs.ALL;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
