package dev.quarry.hq.commands;

import dev.quarry.compiler.plan.Stack;
import dev.quarry.compiler.spec.NodeSpec;
import dev.quarry.hq.access.AppAction;
import dev.quarry.hq.access.Request;
import dev.quarry.hq.release.Release;
import dev.quarry.hq.release.StackConfig;
import dev.quarry.hq.release.StackState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@code scale APP NODE=COUNT ...}: a new release of the same code with those scales (the plan says SCALE). */
final class ScaleVerb implements Verb {
    static final String USAGE = "scale APP NODE=COUNT...";

    private final StackState state;
    private final StackConfig config;
    private final Redeployer redeployer;

    ScaleVerb(StackState state, StackConfig config, Redeployer redeployer) {
        this.state = state;
        this.config = config;
        this.redeployer = redeployer;
    }

    @Override
    public Request request(List<String> words) {
        return new Request.OnApp(Arguments.parse(words, Set.of(), USAGE).app(0), AppAction.SCALE);
    }

    @Override
    public int run(VerbContext context) throws InterruptedException {
        Arguments arguments = Arguments.parse(context.arguments(), Set.of(), USAGE);
        String app = arguments.app(0);
        Map<String, Integer> wanted = counts(arguments);
        String reason = "scale " + wanted.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(" "));
        return redeployer.locked(app, reason + " by " + context.user(), context, () -> {
            Stack live = StackLookup.currentStack(state, app);
            for (Map.Entry<String, Integer> entry : wanted.entrySet()) {
                if (live.spec().node(entry.getKey()).isEmpty()) {
                    throw new VerbFailure(app + " has no node " + Arguments.quote(entry.getKey()) + "; its nodes: "
                            + String.join(", ", live.spec().nodes().keySet()));
                }
            }
            if (wanted.entrySet().stream().allMatch(entry -> live.spec().nodes().get(entry.getKey()).scale()
                    == entry.getValue())) {
                context.out().println("nothing changed: " + app + " already runs at that scale");
                return 0;
            }
            Map<String, Integer> scale = new TreeMap<>(config.scale(app));
            scale.putAll(wanted);
            config.replaceScale(app, scale);
            context.caller().audit(app, "scale " + app + reason.substring("scale".length()));
            Release release = StackLookup.current(state, app);
            return redeployer.redeploy(app, release, config.env(app), scale, reason, context.user(),
                    context.progress());
        });
    }

    private static Map<String, Integer> counts(Arguments arguments) {
        if (arguments.positional().size() < 2) {
            throw VerbFailure.usage("give at least one NODE=COUNT", USAGE);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String word : arguments.positional().subList(1, arguments.positional().size())) {
            String[] parts = word.split("=", 2);
            if (parts.length != 2 || !dev.quarry.compiler.read.Names.isName(parts[0])
                    || !parts[1].matches("[0-9]{1,4}") || Integer.parseInt(parts[1]) > NodeSpec.MAX_SCALE) {
                throw VerbFailure.usage(Arguments.quote(word) + " is not NODE=COUNT with COUNT from 0 to "
                        + NodeSpec.MAX_SCALE, USAGE);
            }
            counts.put(parts[0], Integer.parseInt(parts[1]));
        }
        return counts;
    }
}
