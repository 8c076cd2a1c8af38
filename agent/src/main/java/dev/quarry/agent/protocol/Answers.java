package dev.quarry.agent.protocol;

import dev.quarry.agent.runtime.ContainerStatus;
import java.util.List;

/** The small answers of the verbs whose answer is not a value of its own package. */
public final class Answers {
    private Answers() {}

    /**
     * What stop and remove answer.
     *
     * @param id the container
     * @param known whether the agent knew it (an unknown id is fine: nothing to do)
     * @param status its status after the stop, or null (unknown, or removed)
     */
    public record Stopped(String id, boolean known, ContainerStatus status) {}

    /**
     * What list answers.
     *
     * @param agent this agent's id
     * @param ports the port range it hands out from
     * @param containers every container it knows, by id
     * @param notes what a reader should know about the agent (no Docker here, no cgroups, ...)
     * @param oneOffs the one-off commands running now ({@code quarry run}), kept apart from the containers: nothing
     *     routes, restarts or removes them but their own end; empty from an older agent
     */
    public record Listing(String agent, String ports, List<ContainerStatus> containers, List<String> notes,
            List<ContainerStatus> oneOffs) {
        public Listing {
            oneOffs = oneOffs == null ? List.of() : List.copyOf(oneOffs);
        }
    }

    /**
     * What run-once answers once its command ended.
     *
     * @param id the one-off's name, such as {@code shop.web.run.1}
     * @param exitStatus the command's exit status
     * @param timedOut whether it ran past its timeout and was killed
     */
    public record Ran(String id, int exitStatus, boolean timedOut) {}

    /**
     * What logs answers.
     *
     * @param id the container
     * @param lines its last lines, oldest first
     */
    public record Logs(String id, List<String> lines) {}

    /**
     * What prepare answers.
     *
     * @param prepared which release is ready, such as {@code shop/web release 3}
     * @param built whether its build commands ran now (not: none, or an earlier prepare built it)
     * @param elapsedMillis how long they ran (or the reuse took); 0 when they did not
     * @param reusedRelease the release whose build (same source and build commands) it reused now, or 0
     */
    public record Prepared(String prepared, boolean built, long elapsedMillis, int reusedRelease) {}

    /**
     * What remove-release answers.
     *
     * @param stack the stack
     * @param release the release
     * @param removed whether there was a source to remove
     */
    public record ReleaseRemoved(String stack, int release, boolean removed) {}

    /**
     * A verb's failure: exit status 1 (it failed) or 2 (the request is wrong), one line.
     *
     * @param error what went wrong, where, and how to fix it
     * @param lines output that explains it (a build's last lines), often empty
     */
    public record Failure(String error, List<String> lines) {}

    /**
     * What has-build and receive-build answer.
     *
     * @param stack the stack
     * @param key the build key
     * @param release the release that built it (here or on another server), or 0: this server does not keep it
     */
    public record Build(String stack, String key, int release) {}

    /**
     * What clear-cache answers.
     *
     * @param stack the stack
     * @param cleared whether the stack had a build cache (its HOME) here to empty
     */
    public record CacheCleared(String stack, boolean cleared) {}

    /**
     * What remove-stack answers.
     *
     * @param stack the stack
     * @param removed the folders of the stack it deleted, relative to the agent's home ({@code sources/shop}), sorted
     */
    public record StackRemoved(String stack, java.util.List<String> removed) {
        public StackRemoved {
            removed = java.util.List.copyOf(removed);
        }
    }
}
