package dev.quarry.cli.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code quarry bench}: the benchmarks, one subcommand each ({@code quarry bench grid}, ...). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure Quarry's parts on workloads anyone can make again.",
        subcommands = {GridBenchCommand.class, RouterBenchCommand.class})
public final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
