package dev.quarry.hq.commands;

import dev.quarry.compiler.plan.Stack;
import dev.quarry.hq.access.AppAction;
import dev.quarry.hq.access.Request;
import dev.quarry.hq.release.Release;
import dev.quarry.hq.release.StackState;
import java.util.List;
import java.util.Set;

/**
 * {@code restart APP [NODE]}: a rolling restart of the live release's nodes (or one node), same code, env and
 * scale, through the deploy path: each replacement container starts, becomes healthy and routed, then the old
 * ones drain and stop, so a routed node fails no request. Nothing is built again (the build is reused) and
 * services keep running (they hold data and ports, as Heroku's add-ons do through a restart). A container is
 * named by its release, so the restart is a release ({@code restart by bob} in {@code releases}), which
 * {@code rollback} looks past.
 */
final class RestartVerb implements Verb {
    static final String USAGE = "restart APP [NODE]";
    /** How a restart's reason starts in {@code releases}. */
    static final String REASON = "restart";

    private final StackState state;
    private final Redeployer redeployer;

    RestartVerb(StackState state, Redeployer redeployer) {
        this.state = state;
        this.redeployer = redeployer;
    }

    @Override
    public Request request(List<String> words) {
        return new Request.OnApp(Arguments.parse(words, Set.of(), USAGE).atMost(2).app(0), AppAction.RESTART);
    }

    @Override
    public int run(VerbContext context) throws InterruptedException {
        Arguments arguments = Arguments.parse(context.arguments(), Set.of(), USAGE).atMost(2);
        String app = arguments.app(0);
        String node = arguments.positional().size() > 1 ? arguments.positional().get(1) : null;
        String reason = node == null ? REASON : REASON + " " + node;
        return redeployer.locked(app, reason + " by " + context.user(), context, () -> {
            Release live = StackLookup.current(state, app);
            Stack stack = StackLookup.currentStack(state, app);
            if (node != null && stack.spec().node(node).isEmpty()) {
                throw new VerbFailure(app + " has no node " + Arguments.quote(node) + "; its nodes: "
                        + String.join(", ", stack.spec().nodes().keySet()));
            }
            Set<String> nodes = node == null ? stack.spec().nodes().keySet() : Set.of(node);
            if (nodes.isEmpty()) {
                throw new VerbFailure(app + " has no nodes to restart (its services keep running as they are)");
            }
            context.caller().audit(app, reason + " " + app);
            return redeployer.redeploy(app, live, state.env(app, live.number()), live.scale(), nodes, reason,
                    context.user(), context.progress());
        });
    }

    /** Whether a release was made by a restart (the same code, env and scale as the release before it). */
    static boolean isRestart(Release release) {
        return release.reason().equals(REASON) || release.reason().startsWith(REASON + " ");
    }
}
