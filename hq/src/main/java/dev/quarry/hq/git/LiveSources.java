package dev.quarry.hq.git;

import static java.util.Objects.requireNonNull;

import dev.quarry.hq.lock.DeployLease;
import dev.quarry.hq.lock.DeployLocks;
import dev.quarry.hq.release.Release;
import dev.quarry.hq.release.SourceFolders;
import dev.quarry.hq.release.StackState;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Makes each stack's source folder ({@code stacks/<app>/src}) hold its live release's commit, from the
 * repository recorded in the store when this HQ lacks it: with several HQs the live release may have been
 * pushed through another one, and a reconciling leader starts missing containers from this folder. Each
 * change is made under the stack's deploy lock.
 */
public final class LiveSources {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LiveSources.class);
    private static final String HOLDER = "source of the live release";

    private final StackState state;
    private final StackRepositories repositories;
    private final RepositoryMirror mirror;
    private final SourceFolders sources;
    private final DeployLocks locks;

    public LiveSources(StackState state, StackRepositories repositories, RepositoryMirror mirror,
            SourceFolders sources, DeployLocks locks) {
        this.state = requireNonNull(state, "state is null");
        this.repositories = requireNonNull(repositories, "repositories is null");
        this.mirror = requireNonNull(mirror, "mirror is null");
        this.sources = requireNonNull(sources, "sources is null");
        this.locks = requireNonNull(locks, "locks is null");
    }

    /** Every stack; one that cannot be brought up to date is logged and tried again next time. */
    public void ensureAll() {
        for (String stack : state.names()) {
            try {
                ensure(stack);
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot put the source of the live release of {} in place: {}; trying again next time", stack,
                        e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One stack: nothing happens when its source folder already holds the live release's commit. */
    @SuppressWarnings("try") // the lease is held for the block, not used in it
    public void ensure(String stack) throws IOException, InterruptedException {
        Optional<Release> live = liveRelease(stack);
        if (live.isEmpty() || sources.holds(stack, live.get().commit())) {
            return;
        }
        try (DeployLease lease = locks.acquire(stack, HOLDER, line -> LOG.info("sources: {}", line))) {
            live = liveRelease(stack);
            if (live.isEmpty() || sources.holds(stack, live.get().commit())) {
                return;
            }
            ObjectId commit = ObjectId.fromString(live.get().commit());
            try (Repository repository = repository(stack)) {
                if (!repository.getObjectDatabase().has(commit)) {
                    mirror.bringUpToDate(stack, repository);
                }
                if (!repository.getObjectDatabase().has(commit)) {
                    throw new IOException("commit " + live.get().shortCommit() + " of live release "
                            + live.get().number() + " is neither in this HQ's repository nor in the store's");
                }
                sources.install(stack, live.get().commit(), new CommitTree(repository, commit));
                LOG.info("sources: {} release {} ({}) in place from the store's repository", stack,
                        live.get().number(), live.get().shortCommit());
            }
        }
    }

    private Optional<Release> liveRelease(String stack) {
        return state.stack(stack).map(stored -> stored.value().current()).filter(current -> current > 0)
                .flatMap(current -> state.release(stack, current));
    }

    private Repository repository(String stack) throws IOException {
        if (repositories.open(stack).map(found -> {
            found.close();
            return false;
        }).orElse(true)) {
            try (PushRepository fetched = repositories.forPush(stack)) {
                if (mirror.bringUpToDate(stack, fetched.repository())) {
                    fetched.keep();
                }
            }
        }
        return repositories.open(stack).orElseThrow(() -> new IOException("this HQ has no repository of " + stack
                + " and the store has none"));
    }
}
