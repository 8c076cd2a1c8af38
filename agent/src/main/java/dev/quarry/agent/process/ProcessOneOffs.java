package dev.quarry.agent.process;

import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.OneOff;
import dev.quarry.agent.runtime.OutputLines;
import dev.quarry.agent.runtime.RuntimeFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Runs a one-off command ({@code quarry run}) as {@code sh -c COMMAND} the way its container runs: in the stack's
 * sandbox as the stack's user, over the container's release (read-only), with its env, HOST and PORT, inside
 * cgroups of its own with the container's limits. Its output goes only to whoever asked; no log file is kept.
 */
final class ProcessOneOffs {
    private final StackSandbox sandbox;
    private final CommandRun runner;

    ProcessOneOffs(StackSandbox sandbox, CommandRun runner) {
        this.sandbox = sandbox;
        this.runner = runner;
    }

    int run(OneOff oneOff, Path release, OutputLines output, BooleanSupplier wanted) {
        ContainerRequest container = oneOff.container();
        Limits limits = new Limits(container.memoryMebibytes(), container.cpuMillicores(), Limits.PROCESSES);
        try {
            return runner.run("run@" + oneOff.id(), sandbox.command(container.stack(), release, false,
                    oneOff.command()), release, ProcessLauncher.environment(container), null, oneOff.timeout(),
                    output, limits, wanted);
        } catch (IOException e) {
            throw new RuntimeFailure("cannot run " + oneOff.id() + " in " + release + ": " + RuntimeFailure.firstLine(e)
                    + "; check that setsid, sh and bwrap are installed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure(oneOff.id() + " was interrupted (the agent is stopping); run it again");
        }
    }
}
