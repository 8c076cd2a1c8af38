package dev.quarry.hq.release;

import static java.util.Objects.requireNonNull;

import dev.quarry.compiler.read.Names;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything a new release is made from.
 *
 * @param stack the stack's name
 * @param commit the git commit of its source
 * @param branch the branch the commit is on (it becomes the deploy branch of a new stack)
 * @param quarryFile the quarry.yml bytes of that commit
 * @param env environment set over SSH, merged over quarry.yml's
 * @param scale node scales set over SSH, over quarry.yml's
 * @param reason why, as shown in releases: {@code pushed}, {@code rollback to release 1}, {@code config set FOO}
 * @param by who asked (the name of their key file)
 * @param source the commit's files
 * @param restarted the nodes deployed anew even if nothing of theirs changed (a restart), usually none
 */
public record ReleaseRequest(String stack, String commit, String branch, byte[] quarryFile, Map<String, String> env,
        Map<String, Integer> scale, String reason, String by, SourceTree source, Set<String> restarted) {
    /** A request that restarts no node (a push, rollback, config or scale change). */
    public ReleaseRequest(String stack, String commit, String branch, byte[] quarryFile, Map<String, String> env,
            Map<String, Integer> scale, String reason, String by, SourceTree source) {
        this(stack, commit, branch, quarryFile, env, scale, reason, by, source, Set.of());
    }

    public ReleaseRequest {
        if (!Names.isName(stack)) {
            throw new IllegalArgumentException("not a stack name: \"" + stack + "\"");
        }
        requireNonNull(commit, "commit is null");
        requireNonNull(branch, "branch is null");
        quarryFile = quarryFile.clone();
        env = new TreeMap<>(env);
        scale = new TreeMap<>(scale);
        requireNonNull(reason, "reason is null");
        requireNonNull(by, "by is null");
        requireNonNull(source, "source is null");
        restarted = Set.copyOf(restarted);
    }

    @Override
    public byte[] quarryFile() {
        return quarryFile.clone();
    }
}
