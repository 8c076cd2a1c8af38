package dev.quarry.hq.release;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One numbered release of a stack, kept in {@code stacks/<name>/releases/<number>/release.json}
 * beside its quarry.yml, plan.json and env.json.
 *
 * @param number from 1, never reused
 * @param commit the git commit whose source it runs
 * @param branch the branch the commit came from (for rollbacks and config changes: the source release's)
 * @param reason why it was made, such as {@code pushed} or {@code rollback to release 1}
 * @param by who made it (the name of their key file)
 * @param created when it was made
 * @param scale node scales set with the scale command, over quarry.yml's
 * @param status how far it got
 */
public record Release(int number, String commit, String branch, String reason, String by, Instant created,
        Map<String, Integer> scale, ReleaseStatus status) {
    public Release {
        if (number < 1) {
            throw new IllegalArgumentException("releases are numbered from 1, got " + number);
        }
        requireNonNull(commit, "commit is null");
        requireNonNull(branch, "branch is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(by, "by is null");
        requireNonNull(created, "created is null");
        scale = java.util.Collections.unmodifiableMap(new TreeMap<>(scale));
        requireNonNull(status, "status is null");
    }

    public Release withStatus(ReleaseStatus newStatus) {
        return new Release(number, commit, branch, reason, by, created, scale, newStatus);
    }

    /** The commit's first 12 characters, as shown to people. */
    public String shortCommit() {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }
}
