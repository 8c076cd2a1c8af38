package dev.quarry.cli.local;

import dev.quarry.cli.ExitCodes;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quarry stop}: stops what {@code quarry start} runs for this folder's app (its private Quarry, by PID). */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the stack quarry start runs for this folder.")
public final class StopCommand implements Callable<Integer> {
    @Option(names = {"-C", "--directory"}, paramLabel = "DIR", description = "the stack's folder (default: this one)")
    Path directory = Path.of("");

    @Option(names = {"-a", "--app"}, paramLabel = "APP", description = "the app (default: from the folder's quarry.yml)")
    String app;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String name = app != null ? app : LocalApp.name(directory);
        LocalQuarry local = LocalQuarry.of(name);
        java.util.Optional<Properties> running = local.running();
        if (running.isEmpty()) {
            spec.commandLine().getOut().println(name + " is not running here");
            return ExitCodes.OK;
        }
        ProcessHandle process = ProcessHandle.of(Long.parseLong(running.get().getProperty("pid"))).orElseThrow();
        process.destroy();
        process.onExit().get(90, TimeUnit.SECONDS);
        spec.commandLine().getOut().println(name + " stopped (its services, nodes and router)");
        return ExitCodes.OK;
    }
}
