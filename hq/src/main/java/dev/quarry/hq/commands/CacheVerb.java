package dev.quarry.hq.commands;

import dev.quarry.agent.client.AgentException;
import dev.quarry.hq.access.AppAction;
import dev.quarry.hq.access.Request;
import dev.quarry.hq.grid.Grid;
import dev.quarry.hq.grid.ServerSettings;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code cache APP clear} empties the app's build cache (the HOME its builds share between releases, where npm's and
 * Maven's downloads are kept) on every server, holding its deploy lock so no build of it runs meanwhile. The next
 * build downloads everything again; builds already made are still reused.
 */
final class CacheVerb implements Verb {
    static final String USAGE = "cache APP clear";

    private final Grid grid;
    private final Redeployer redeployer;

    CacheVerb(Optional<Grid> grid, Redeployer redeployer) {
        this.grid = grid.orElse(null);
        this.redeployer = redeployer;
    }

    @Override
    public Request request(List<String> words) {
        return new Request.OnApp(app(words), AppAction.CONFIGURE);
    }

    @Override
    public int run(VerbContext context) throws InterruptedException {
        String app = app(context.arguments());
        if (grid == null) {
            throw new VerbFailure("this HQ runs no grid, so " + app + " has no build cache on any server");
        }
        return redeployer.locked(app, "cache clear by " + context.user(), context, () -> {
            int failed = 0;
            for (ServerSettings server : grid.servers()) {
                try {
                    boolean cleared = grid.agent(server).clearCache(app).cleared();
                    context.out().println(server.id() + ": " + (cleared ? "cleared the build cache of " + app
                            : "no build cache of " + app));
                } catch (AgentException e) {
                    failed++;
                    context.out().println(server.id() + ": not cleared: " + e.getMessage());
                }
            }
            context.caller().audit(app, "cache " + app + " clear");
            return failed == 0 ? 0 : 1;
        });
    }

    private static String app(List<String> words) {
        Arguments arguments = Arguments.parse(words, Set.of(), USAGE);
        if (arguments.positional().size() != 2 || !"clear".equals(arguments.positional().get(1))) {
            throw VerbFailure.usage("name the app and the action", USAGE);
        }
        return arguments.app(0);
    }
}
