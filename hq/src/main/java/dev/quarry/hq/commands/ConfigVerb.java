package dev.quarry.hq.commands;

import dev.quarry.hq.access.AppAction;
import dev.quarry.hq.access.Request;
import dev.quarry.hq.release.Release;
import dev.quarry.hq.release.StackConfig;
import dev.quarry.hq.release.StackRecord;
import dev.quarry.hq.release.StackState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * {@code config APP [--json]} shows the environment; {@code config APP set K=V ...} and
 * {@code config APP unset K ...} change the env set over SSH, each change a new release of the
 * same code.
 */
final class ConfigVerb implements Verb {
    static final String USAGE = "config APP [--json] | config APP set KEY=VALUE... | config APP unset KEY...";

    private final StackState state;
    private final StackConfig config;
    private final Redeployer redeployer;

    ConfigVerb(StackState state, StackConfig config, Redeployer redeployer) {
        this.state = state;
        this.config = config;
        this.redeployer = redeployer;
    }

    @Override
    public Request request(List<String> words) {
        return new Request.OnApp(Arguments.parse(words, Set.of("--json"), USAGE).app(0), AppAction.CONFIGURE);
    }

    @Override
    public int run(VerbContext context) throws InterruptedException {
        Arguments arguments = Arguments.parse(context.arguments(), Set.of("--json"), USAGE);
        String app = arguments.app(0);
        List<String> rest = arguments.positional().subList(1, arguments.positional().size());
        if (rest.isEmpty()) {
            return ConfigDisplay.show(state, config, app, arguments.has("--json"), context.out(),
                    context.caller().syntax());
        }
        List<String> words = rest.subList(1, rest.size());
        return switch (rest.getFirst()) {
            case "set" -> {
                Map<String, String> pairs = ConfigChange.pairs(words, USAGE);
                yield change(context, app, "config set " + String.join(", ", pairs.keySet()), env -> {
                    Map<String, String> changed = new TreeMap<>(env);
                    changed.putAll(pairs);
                    return changed;
                });
            }
            case "unset" -> {
                List<String> keys = ConfigChange.keys(words, USAGE);
                yield change(context, app, "config unset " + String.join(", ", keys), env -> {
                    Map<String, String> changed = new TreeMap<>(env);
                    keys.forEach(changed::remove);
                    return changed;
                });
            }
            default -> throw VerbFailure.usage("unknown config action " + Arguments.quote(rest.getFirst()), USAGE);
        };
    }

    private int change(VerbContext context, String app, String reason, UnaryOperator<Map<String, String>> edit)
            throws InterruptedException {
        return redeployer.locked(app, reason + " by " + context.user(), context, () -> {
            StackRecord stack = StackLookup.require(state, app).value();
            Map<String, String> before = config.env(app);
            Map<String, String> after = edit.apply(before);
            if (after.equals(before)) {
                context.out().println("nothing changed: " + app + " already has that config");
                return 0;
            }
            config.replaceEnv(app, after);
            context.caller().audit(app, "config " + app + reason.substring("config".length()));
            if (!stack.hasCurrent()) {
                context.out().println(reason + " on " + app + "; it has no deployed release yet, so its next push"
                        + " deploys with it");
                return 0;
            }
            Release live = StackLookup.current(state, app);
            return redeployer.redeploy(app, live, after, config.scale(app), reason, context.user(), context.progress());
        });
    }
}
