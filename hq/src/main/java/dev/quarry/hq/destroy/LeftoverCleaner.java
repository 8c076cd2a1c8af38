package dev.quarry.hq.destroy;

import static java.util.Objects.requireNonNull;

import dev.quarry.hq.grid.Grid;
import dev.quarry.hq.grid.GridListing;
import dev.quarry.hq.grid.RunningContainer;
import dev.quarry.hq.grid.ServerSettings;
import dev.quarry.hq.launch.StackTeardown;
import dev.quarry.hq.release.StackState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cleans what destroyed apps left on servers that did not answer then ({@link Leftovers}): once such a server
 * answers, the app's containers there are removed and its folders deleted. Run by the leading HQ before each
 * reconcile round, so a returning server is clean before it takes work again. When the name was pushed again
 * meanwhile and the new app already runs on that server, its containers are the new app's: the record is
 * dropped with a warning rather than remove them.
 */
public final class LeftoverCleaner {
    private static final Logger LOG = LoggerFactory.getLogger(LeftoverCleaner.class);

    private final Leftovers leftovers;
    private final StackState state;
    private final Grid grid;
    private final StackTeardown teardown;

    public LeftoverCleaner(Leftovers leftovers, StackState state, Grid grid, StackTeardown teardown) {
        this.leftovers = requireNonNull(leftovers, "leftovers is null");
        this.state = requireNonNull(state, "state is null");
        this.grid = requireNonNull(grid, "grid is null");
        this.teardown = requireNonNull(teardown, "teardown is null");
    }

    /** One round over every destroyed app's leftovers; what cannot be cleaned now is tried next round. */
    public void cleanAll() {
        List<Leftovers.Leftover> all = leftovers.all();
        if (all.isEmpty()) {
            return;
        }
        GridListing listing = grid.list();
        for (Leftovers.Leftover leftover : all) {
            try {
                List<String> remaining = new ArrayList<>();
                for (String server : leftover.servers()) {
                    if (!clean(leftover.app(), server, listing)) {
                        remaining.add(server);
                    }
                }
                if (!remaining.equals(leftover.servers())) {
                    leftovers.save(new Leftovers.Leftover(leftover.app(), remaining));
                }
            } catch (RuntimeException e) {
                LOG.warn("cannot clean what destroyed {} left now: {}; trying again", leftover.app(), e.getMessage());
            }
        }
    }

    /** Cleans one server of a destroyed app; answers whether nothing is left to do there. */
    private boolean clean(String app, String serverId, GridListing listing) {
        Optional<ServerSettings> server = grid.server(serverId);
        if (server.isEmpty()) {
            return true;
        }
        if (listing.isUnknown(serverId)) {
            return false;
        }
        List<RunningContainer> containers = listing.ofStack(app).stream()
                .filter(container -> container.server().id().equals(serverId)).toList();
        if (!containers.isEmpty() && state.stack(app).isPresent()) {
            LOG.warn("{} was pushed again and runs on {}: not cleaning what the destroyed {} left there", app,
                    serverId, app);
            return true;
        }
        Map<String, String> failed = new TreeMap<>();
        List<String> removed = teardown.removeContainers(containers, failed);
        if (failed.isEmpty()) {
            teardown.removeFolders(app, List.of(server.get()), failed).forEach((id, folders) ->
                    LOG.info("{} answers again: removed what the destroyed {} left there: containers {}, folders {}",
                            id, app, removed, folders));
        }
        failed.forEach((id, why) -> LOG.warn("{} still has what the destroyed {} left: {}; trying again", id, app,
                why));
        return failed.isEmpty();
    }
}
