package dev.quarry.hq.commands;

import dev.quarry.hq.git.CommitTree;
import dev.quarry.hq.git.ReleasePins;
import dev.quarry.hq.git.PushRepository;
import dev.quarry.hq.git.RepositoryMirror;
import dev.quarry.hq.git.StackRepositories;
import dev.quarry.hq.launch.Progress;
import dev.quarry.hq.lock.DeployLease;
import dev.quarry.hq.lock.DeployLocks;
import dev.quarry.hq.release.Release;
import dev.quarry.hq.release.ReleaseMaker;
import dev.quarry.hq.release.ReleaseOutcome;
import dev.quarry.hq.release.ReleaseRequest;
import dev.quarry.hq.release.StackState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * New releases of code already pushed (rollback, config, scale): under the stack's deploy lock,
 * a release of an earlier release's commit and quarry.yml with the given env and scale.
 */
public final class Redeployer {
    private final DeployLocks locks;
    private final StackRepositories repositories;
    private final StackState state;
    private final ReleaseMaker maker;
    private final RepositoryMirror mirror;

    public Redeployer(DeployLocks locks, StackRepositories repositories, StackState state, ReleaseMaker maker) {
        this(locks, repositories, state, maker, RepositoryMirror.NONE);
    }

    /** @param mirror where a repository or commit this HQ lacks (pushed through another HQ) is fetched from */
    public Redeployer(DeployLocks locks, StackRepositories repositories, StackState state, ReleaseMaker maker,
            RepositoryMirror mirror) {
        this.mirror = mirror;
        this.locks = locks;
        this.repositories = repositories;
        this.state = state;
        this.maker = maker;
    }

    /** Work done while holding a stack's deploy lock. */
    @FunctionalInterface
    public interface Locked {
        int run() throws InterruptedException;
    }

    /**
     * Runs {@code work} holding the deploy lock of {@code stack}, unless the caller left while
     * waiting for it.
     */
    @SuppressWarnings("try") // the lease is held for the block, not used in it
    public int locked(String stack, String holder, VerbContext context, Locked work) throws InterruptedException {
        Progress progress = context.progress();
        try (DeployLease lease = locks.acquire(stack, holder, line -> progress.line("-----> " + line))) {
            if (!context.connected().getAsBoolean()) {
                throw new VerbFailure("the caller left while waiting for the deploy lock of " + stack
                        + "; nothing was changed");
            }
            return work.run();
        }
    }

    /** Releases {@code base}'s code again with {@code env} and {@code scale}; returns the exit status. */
    public int redeploy(String stack, Release base, Map<String, String> env, Map<String, Integer> scale,
            String reason, String user, Progress progress) {
        return redeploy(stack, base, env, scale, Set.of(), reason, user, progress);
    }

    /**
     * Releases {@code base}'s code again with {@code env} and {@code scale}, deploying the nodes in {@code restarted}
     * anew even when nothing of theirs changed (their builds are reused); returns the exit status.
     */
    public int redeploy(String stack, Release base, Map<String, String> env, Map<String, Integer> scale,
            Set<String> restarted, String reason, String user, Progress progress) {
        try (Repository repository = repository(stack)) {
            ObjectId commit = ObjectId.fromString(base.commit());
            if (!repository.getObjectDatabase().has(commit)) {
                mirror.bringUpToDate(stack, repository);
            }
            if (!repository.getObjectDatabase().has(commit)) {
                throw new VerbFailure("commit " + base.shortCommit() + " of release " + base.number()
                        + " is no longer in the repository of " + stack + "; push it again");
            }
            ReleaseRequest request = new ReleaseRequest(stack, base.commit(), base.branch(),
                    state.quarryFile(stack, base.number()), env, scale, reason, user,
                    new CommitTree(repository, commit), restarted);
            ReleaseOutcome outcome = maker.make(request, progress);
            ReleasePins.sync(repository, state.releases(stack));
            return exitStatus(stack, base, outcome, progress);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the repository of " + stack + ": " + e.getMessage(), e);
        }
    }

    /** This HQ's repository of the stack, fetched from the store first when only another HQ was pushed to. */
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
        Optional<Repository> repository = repositories.open(stack);
        return repository.orElseThrow(() -> new VerbFailure("the repository of " + stack + " is missing from "
                + repositories.gitDirectory(stack) + "; push the app again"));
    }

    private static int exitStatus(String stack, Release base, ReleaseOutcome outcome, Progress progress) {
        return switch (outcome) {
            case ReleaseOutcome.Made made -> 0;
            case ReleaseOutcome.Failed failed -> 1;
            case ReleaseOutcome.Invalid invalid -> {
                invalid.problems().forEach(progress::line);
                throw new VerbFailure("the quarry.yml of release " + base.number() + " of " + stack
                        + " no longer compiles (lines above); push a fixed one");
            }
        };
    }
}
