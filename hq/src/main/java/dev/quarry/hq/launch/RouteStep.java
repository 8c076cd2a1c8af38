package dev.quarry.hq.launch;

import dev.quarry.compiler.plan.Instruction;

/** ROUTE: the router sends the node's domains (and no longer the removed ones) to its running containers. */
final class RouteStep {
    private RouteStep() {}

    static void run(Instruction.Route route, LaunchContext context) {
        long started = System.nanoTime();
        context.route();
        context.progress.line("-----> ROUTE " + route.target() + " " + route.details() + " (" + Seconds.since(started)
                + ")");
    }
}
