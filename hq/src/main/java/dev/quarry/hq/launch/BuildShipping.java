package dev.quarry.hq.launch;

import dev.quarry.agent.client.AgentClient;
import dev.quarry.agent.client.AgentException;
import dev.quarry.hq.build.BuildStore;
import dev.quarry.hq.build.StoredBuild;
import dev.quarry.hq.grid.Grid;
import dev.quarry.hq.grid.ServerSettings;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One build per build key for the whole grid: a server that keeps the build (it built it, or was sent it) reuses
 * it; else HQ sends it the built release instead of the source, from HQ's store ({@link BuildStore}), where it is
 * fetched from a server keeping it the first time another server needs it; only when no server keeps it does the
 * first server to need it build it (the other containers wait for that). A one-server grid never ships anything.
 * Should the fetch fail, the other servers build it themselves, as before.
 */
final class BuildShipping {
    private static final Logger LOG = LoggerFactory.getLogger(BuildShipping.class);

    private final Grid grid;
    private final BuildStore store;
    private final Once once;
    private final Progress progress;

    BuildShipping(Grid grid, BuildStore store, Once once, Progress progress) {
        this.grid = grid;
        this.store = store;
        this.once = once;
        this.progress = progress;
    }

    /**
     * Makes the build of {@code key} ready on {@code server}, {@code build} sending it the source and building there
     * when no server has built it yet.
     */
    void bring(AgentClient agent, String server, ContainerPlan plan, String key, Runnable build) {
        String stack = plan.id().stack();
        if (agent.hasBuild(stack, key).release() > 0) {
            return;
        }
        once.run("make " + key, () -> {
            if (store.find(stack, key).isEmpty() && keeper(stack, key).isEmpty()) {
                build.run();
            }
        });
        if (agent.hasBuild(stack, key).release() > 0) {
            return;
        }
        once.run("fetch " + key, () -> {
            if (store.find(stack, key).isEmpty()) {
                keeper(stack, key).ifPresent(keeper -> fetch(keeper, plan, key));
            }
        });
        Optional<StoredBuild> stored = store.find(stack, key);
        if (stored.isEmpty()) {
            build.run();
            return;
        }
        ship(agent, server, plan, stored.get());
    }

    /** A server of the grid that keeps the build of {@code key}, if one does. */
    private Optional<Keeper> keeper(String stack, String key) {
        for (ServerSettings server : grid.servers()) {
            try {
                AgentClient agent = grid.agent(server);
                int release = agent.hasBuild(stack, key).release();
                if (release > 0) {
                    return Optional.of(new Keeper(server.id(), agent, release));
                }
            } catch (AgentException e) {
                LOG.info("cannot ask {} for the build {} of {}: {}", server.id(), key, stack, e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Fetches the build from {@code keeper} into HQ's store; when that fails, the servers build it themselves. */
    private void fetch(Keeper keeper, ContainerPlan plan, String key) {
        try {
            store.keep(plan.id().stack(), key, keeper.release(), tar -> keeper.agent().fetchBuild(plan.id().stack(),
                    key, tar));
        } catch (AgentException | UncheckedIOException e) {
            LOG.warn("cannot keep the build of {} from {}; other servers build it themselves", plan.target(),
                    keeper.server(), e);
        }
    }

    /** A server keeping a build, and the release that made it. */
    private record Keeper(String server, AgentClient agent, int release) {}

    private void ship(AgentClient agent, String server, ContainerPlan plan, StoredBuild stored) {
        long began = System.nanoTime();
        agent.sendBuild(plan.id().stack(), stored.key(), stored.release(), stored.sha256(),
                store.tar(plan.id().stack(), stored.key()));
        long elapsed = (System.nanoTime() - began) / 1_000_000;
        progress.line("-----> build " + plan.id().node() + ": sent the build of release " + stored.release()
                + " to " + server + " (" + size(stored.bytes()) + ", " + Seconds.of(elapsed) + ")");
    }

    private static String size(long bytes) {
        return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
