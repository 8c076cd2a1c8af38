package dev.quarry.hq.launch;

import dev.quarry.compiler.plan.Instruction;
import dev.quarry.compiler.spec.NodeSpec;
import java.util.List;

/**
 * The stand-in launcher: prints each instruction of the plan and runs nothing, so the push pipeline
 * (compile, record, lock, report) works end to end before containers can be started.
 */
public final class PlanPrintingLauncher implements Launcher {
    @Override
    public LaunchResult launch(LaunchRequest request, Progress progress) {
        progress.line("-----> plan printer: containers start once the launch module lands");
        for (Instruction instruction : request.plan().instructions()) {
            progress.line("-----> " + instruction.op() + " " + instruction.target() + " " + instruction.details()
                    + " ... printed");
        }
        List<String> addresses = request.spec().nodes().values().stream()
                .map(NodeSpec::domains)
                .flatMap(List::stream)
                .map(domain -> "http://" + domain)
                .toList();
        return new LaunchResult.Launched(addresses, "recorded");
    }
}
