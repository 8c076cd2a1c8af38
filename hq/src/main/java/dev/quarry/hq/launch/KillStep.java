package dev.quarry.hq.launch;

import dev.quarry.compiler.plan.Instruction;

/**
 * KILL: the node or service leaves the layout, so its routes are dropped now and its containers are
 * removed (their room freed) when the launch ends, after the drain grace.
 */
final class KillStep {
    private KillStep() {}

    static void run(Instruction.Kill kill, LaunchContext context) {
        if (kill.kind() == Instruction.Kill.Kind.NODE) {
            context.layout(context.layout().withoutNode(kill.name()));
            context.route();
        } else {
            context.layout(context.layout().withoutService(kill.name()));
        }
        context.progress.line("-----> KILL " + kill.target() + " " + kill.details()
                + ": routes dropped; its containers stop after the drain");
    }
}
