package dev.quarry.hq.commands;

import dev.quarry.hq.access.AppAction;
import dev.quarry.hq.access.Request;
import dev.quarry.hq.release.Release;
import dev.quarry.hq.release.ReleaseStatus;
import dev.quarry.hq.release.StackConfig;
import dev.quarry.hq.release.StackState;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code rollback APP [RELEASE] [--with-scale]}: a new release that runs an earlier one (its commit,
 * quarry.yml and env), by default the last deployed release before the live one, at the current scale (as
 * Heroku does), looking past restarts; {@code --with-scale} takes that release's scale too. The stack's config becomes that
 * release's, so later pushes keep it.
 */
final class RollbackVerb implements Verb {
    static final String USAGE = "rollback APP [RELEASE] [--with-scale]";
    static final String WITH_SCALE = "--with-scale";

    private final StackState state;
    private final StackConfig config;
    private final Redeployer redeployer;

    RollbackVerb(StackState state, StackConfig config, Redeployer redeployer) {
        this.state = state;
        this.config = config;
        this.redeployer = redeployer;
    }

    @Override
    public Request request(List<String> words) {
        return new Request.OnApp(Arguments.parse(words, Set.of(WITH_SCALE), USAGE).atMost(2).app(0),
                AppAction.ROLL_BACK);
    }

    @Override
    public int run(VerbContext context) throws InterruptedException {
        Arguments arguments = Arguments.parse(context.arguments(), Set.of(WITH_SCALE), USAGE).atMost(2);
        String app = arguments.app(0);
        Integer wanted = arguments.positional().size() > 1 ? number(arguments.positional().get(1)) : null;
        return redeployer.locked(app, "rollback by " + context.user(), context, () -> {
            Release live = StackLookup.current(state, app);
            Release target = wanted == null ? previous(app, live) : named(app, wanted, live);
            Map<String, String> env = state.env(app, target.number());
            Map<String, Integer> scale = arguments.has(WITH_SCALE) ? target.scale() : config.scale(app);
            config.replaceEnv(app, env);
            config.replaceScale(app, scale);
            context.caller().audit(app, "rollback " + app + " to release " + target.number());
            return redeployer.redeploy(app, target, env, scale, "rollback to release " + target.number(),
                    context.user(), context.progress());
        });
    }

    /** The deployed release before the live one, looking past restarts (which run the code before them). */
    private Release previous(String app, Release live) {
        Release running = live;
        Optional<Release> before = deployedBefore(app, running);
        while (RestartVerb.isRestart(running) && before.isPresent()) {
            running = before.get();
            before = deployedBefore(app, running);
        }
        return before.orElseThrow(() -> new VerbFailure(app + " has no deployed release before release "
                + live.number() + " to roll back to; see: releases " + app));
    }

    private Optional<Release> deployedBefore(String app, Release release) {
        return state.releases(app).stream()
                .filter(other -> other.number() < release.number() && other.status() == ReleaseStatus.DEPLOYED)
                .max(Comparator.comparingInt(Release::number));
    }

    private Release named(String app, int number, Release live) {
        if (number == live.number()) {
            throw new VerbFailure("release " + number + " of " + app + " is already live; name another (see: releases "
                    + app + ")");
        }
        return state.release(app, number).orElseThrow(() -> new VerbFailure(app + " keeps no release " + number
                + " (kept: " + state.releases(app).stream().map(release -> Integer.toString(release.number()))
                        .collect(Collectors.joining(", ")) + "); see: releases " + app));
    }

    private static int number(String text) {
        if (!text.matches("[1-9][0-9]{0,8}")) {
            throw VerbFailure.usage(Arguments.quote(text) + " is not a release number", USAGE);
        }
        return Integer.parseInt(text);
    }
}
