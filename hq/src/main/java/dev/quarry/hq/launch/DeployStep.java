package dev.quarry.hq.launch;

import dev.quarry.agent.client.AgentException;
import dev.quarry.agent.hook.HookRequest;
import dev.quarry.agent.hook.HookResult;
import dev.quarry.compiler.plan.Instruction;
import dev.quarry.compiler.spec.NodeSpec;
import dev.quarry.hq.layout.Layout;
import java.util.List;

/**
 * DEPLOY: run the node's release hook once, place and start the new release's containers, wait until
 * all are healthy, then switch the layout (and so the routes) to them. The old containers keep
 * serving until the launch ends and drains them; an unhealthy one fails the launch.
 */
final class DeployStep {
    private DeployStep() {}

    static void run(Instruction.Deploy deploy, LaunchContext context) {
        long started = System.nanoTime();
        NodeSpec node = context.spec.nodes().get(deploy.name());
        List<ContainerPlan> plans = ContainerPlans.ofNode(context.stack, node,
                new Layout.NodeLayout(deploy.release(), deploy.scale()));
        List<Placed> placed = context.boot.place(plans);
        if (node.releaseHook() != null && !placed.isEmpty()) {
            hook(node, placed.getFirst(), context);
        }
        context.start(placed);
        String healthyAfter = Seconds.since(started);
        context.layout(context.layout().withNode(node.name(), deploy.release(), deploy.scale()));
        if (node.routed()) {
            context.route();
        }
        context.progress.line("-----> DEPLOY " + deploy.target() + " " + placed.size() + "/" + deploy.scale()
                + " healthy" + (placed.isEmpty() ? "" : " on " + LaunchContext.servers(placed))
                + " (" + healthyAfter + ")");
    }

    private static void hook(NodeSpec node, Placed first, LaunchContext context) {
        var env = context.env(first.plan(), context.grid.list());
        try {
            context.boot.ready(first, env);
        } catch (AgentException e) {
            throw new LaunchFailure(first.plan().target() + ": " + e.error() + " on " + first.server().id(), e.lines());
        }
        HookResult result;
        try {
            result = context.grid.agent(first.server()).runHook(new HookRequest("release",
                    ContainerRequests.prepare(first.plan(), env), node.releaseHook(), env, first.server().host(),
                    null), context.boot::buildLine);
        } catch (AgentException e) {
            throw new LaunchFailure(first.plan().target() + ": the release hook could not run on "
                    + first.server().id() + ": " + e.getMessage(), e.lines());
        }
        if (!result.succeeded()) {
            List<String> output = result.output();
            throw new LaunchFailure(first.plan().target() + ": the release hook \"" + node.releaseHook()
                    + "\" failed with status " + result.exitCode() + " on " + first.server().id()
                    + "; fix it and push again", output.subList(Math.max(0, output.size() - 20), output.size()));
        }
        context.progress.line("-----> release hook of " + first.plan().target() + ": " + node.releaseHook()
                + (result.earlier() ? " had already run" : " ran on " + first.server().id()
                + " (" + Seconds.of(result.elapsedMillis()) + ")"));
    }
}
