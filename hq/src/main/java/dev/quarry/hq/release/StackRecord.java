package dev.quarry.hq.release;

import static java.util.Objects.requireNonNull;

import dev.quarry.compiler.read.Names;
import java.time.Instant;

/**
 * What HQ keeps about one stack in {@code stacks/<name>/stack.json}.
 *
 * @param name the stack's name
 * @param deployBranch the branch whose pushes deploy, or empty until the first deploy
 * @param current the release that serves, or 0 when none has deployed yet
 * @param last the highest release number handed out (a release may fail or be interrupted)
 * @param created when the stack was first pushed
 */
public record StackRecord(String name, String deployBranch, int current, int last, Instant created) {
    public StackRecord {
        if (!Names.isName(name)) {
            throw new IllegalArgumentException("not a stack name: \"" + name + "\"");
        }
        requireNonNull(deployBranch, "deployBranch is null");
        requireNonNull(created, "created is null");
        if (current < 0 || last < current) {
            throw new IllegalArgumentException("releases out of order: current " + current + ", last " + last);
        }
    }

    /** A stack that has no release yet. */
    public static StackRecord create(String name, Instant created) {
        return new StackRecord(name, "", 0, 0, created);
    }

    public boolean hasCurrent() {
        return current > 0;
    }

    public StackRecord withLast(int newLast) {
        return new StackRecord(name, deployBranch, current, newLast, created);
    }

    public StackRecord withCurrent(int newCurrent) {
        return new StackRecord(name, deployBranch, newCurrent, last, created);
    }

    public StackRecord withDeployBranch(String branch) {
        return new StackRecord(name, branch, current, last, created);
    }
}
