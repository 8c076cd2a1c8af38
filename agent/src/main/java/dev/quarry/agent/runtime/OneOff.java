package dev.quarry.agent.runtime;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * A one-off command to run to its end beside a running container, the way that container runs (its release,
 * env, sandbox, user and limits), never restarted.
 *
 * @param id its name, such as {@code shop.web.run.1} (also its cgroup's: {@code run@shop.web.run.1})
 * @param container the running container it takes its release, env and limits from
 * @param command what {@code sh -c} runs
 * @param timeout how long it may run before it is killed
 */
public record OneOff(String id, ContainerRequest container, String command, Duration timeout) {
    /** The status a one-off answers when it ran past its timeout and was killed. */
    public static final int TIMED_OUT = -1;
    /** The status a one-off answers when whoever asked for it left and it was killed. */
    public static final int ABANDONED = -2;

    public OneOff {
        requireNonNull(id, "id is null");
        requireNonNull(container, "container is null");
        requireNonNull(command, "command is null");
        requireNonNull(timeout, "timeout is null");
    }
}
