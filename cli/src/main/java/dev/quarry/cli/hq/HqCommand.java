package dev.quarry.cli.hq;

import dev.quarry.cli.ExitCodes;
import dev.quarry.hq.HqMain;
import dev.quarry.hq.HqOptions;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quarry hq [--home DIR] [--listen ADDR:PORT]}: runs HQ in the foreground until stopped. */
@Command(name = "hq", mixinStandardHelpOptions = true,
        description = "Run HQ, the SSH endpoint for git push and quarry commands, until stopped.")
public final class HqCommand implements Callable<Integer> {
    @Option(names = "--home", paramLabel = "DIR",
            description = "where HQ keeps its state (default: QUARRY_HOME, else /home/quarry for root, ~/.quarry"
                    + " for anyone else)")
    String home;

    @Option(names = "--listen", paramLabel = "ADDR:PORT",
            description = "address and port of the SSH endpoint (default: " + HqOptions.DEFAULT_LISTEN + ")")
    String listen;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        HqOptions options;
        try {
            options = HqOptions.of(Optional.ofNullable(home), Optional.ofNullable(listen), System.getenv());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("quarry hq: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ExitCodes.INVALID_INPUT;
        }
        return HqMain.serve(options, System.out, System.err);
    }
}
