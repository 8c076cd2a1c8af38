package dev.quarry.hq.git;

import dev.quarry.hq.lock.DeployLease;
import dev.quarry.hq.lock.DeployLocks;
import dev.quarry.hq.release.ReleaseMaker;
import dev.quarry.hq.release.StackConfig;
import dev.quarry.hq.release.StackState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * {@code git-receive-pack} for one stack. The stack's deploy lock is held from before the refs are
 * advertised until they are updated, so concurrent pushes to a stack run one after another and each
 * sees the refs and release the previous one left.
 */
public final class PushService {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PushService.class);
    private final StackRepositories repositories;
    private final StackState state;
    private final StackConfig config;
    private final ReleaseMaker maker;
    private final DeployLocks locks;
    private final RepositoryMirror mirror;

    public PushService(StackRepositories repositories, StackState state, StackConfig config, ReleaseMaker maker,
            DeployLocks locks) {
        this(repositories, state, config, maker, locks, RepositoryMirror.NONE);
    }

    /** @param mirror where the stack's repository is recorded after a push, and brought up to date from before */
    public PushService(StackRepositories repositories, StackState state, StackConfig config, ReleaseMaker maker,
            DeployLocks locks, RepositoryMirror mirror) {
        this.mirror = mirror;
        this.repositories = repositories;
        this.state = state;
        this.config = config;
        this.maker = maker;
        this.locks = locks;
    }

    /**
     * Serves one push of {@code stack} by {@code user} over the given streams; {@code moved} hears which refs
     * it moved (for the audit log), once they have.
     */
    @SuppressWarnings("try") // the lease is held for the block, not used in it
    public void receive(String stack, String user, InputStream in, OutputStream out, OutputStream err,
            Consumer<List<RefChange>> moved) throws IOException, InterruptedException {
        try (DeployLease lease = locks.acquire(stack, "push by " + user, line -> tell(err, line));
                PushRepository target = repositories.forPush(stack)) {
            bringUpToDate(stack, target.repository());
            java.util.concurrent.atomic.AtomicBoolean changed = new java.util.concurrent.atomic.AtomicBoolean();
            ReceivePack receivePack = new QuietReceivePack(target.repository());
            receivePack.setCheckReceivedObjects(true);
            receivePack.setRefFilter(ReleasePins.HIDE);
            receivePack.setPreReceiveHook(new PushHook(stack, user, state, config, maker));
            receivePack.setPostReceiveHook((pack, updated) -> {
                if (!updated.isEmpty()) {
                    target.keep();
                    changed.set(true);
                    moved.accept(updated.stream().map(RefChange::of).toList());
                }
            });
            receivePack.receive(in, out, err);
            pointHead(target.repository(), stack);
            if (changed.get()) {
                record(stack, target.repository());
            }
        }
    }

    /** Brings a repository another HQ pushed to since up to date first, so the pusher sends only what is new. */
    private void bringUpToDate(String stack, Repository repository) {
        try {
            mirror.bringUpToDate(stack, repository);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot bring the repository of {} up to date from the store ({}); the push brings what it needs",
                    stack, e.getMessage());
        }
    }

    private void record(String stack, Repository repository) {
        try {
            mirror.record(stack, repository);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot record the repository of {} in the store ({}); other HQs roll back to this push only"
                    + " once it is recorded by a later push", stack, e.getMessage());
        }
    }

    /** Points HEAD at the deploy branch, so a clone checks it out. */
    private void pointHead(Repository repository, String stack) throws IOException {
        String branch = state.stack(stack).map(stored -> stored.value().deployBranch()).orElse("");
        if (branch.isEmpty() || repository.exactRef(Constants.R_HEADS + branch) == null) {
            return;
        }
        Ref head = repository.exactRef(Constants.HEAD);
        if (head == null || !head.isSymbolic() || !head.getTarget().getName().equals(Constants.R_HEADS + branch)) {
            RefUpdate update = repository.updateRef(Constants.HEAD);
            update.link(Constants.R_HEADS + branch);
        }
    }

    private static void tell(OutputStream err, String line) {
        try {
            err.write(("quarry: " + line + "\n").getBytes(StandardCharsets.UTF_8));
            err.flush();
        } catch (IOException ignored) {
            // the client left; the push ends when its stream does
        }
    }
}
