package dev.quarry.agent.protocol;

import dev.quarry.agent.runtime.ContainerId;
import java.time.Duration;
import java.util.List;

/**
 * Asks for a one-off command ({@code quarry run}) beside a running container: in its release, with its env, its
 * sandbox and its limits, never restarted, removed when it ends.
 *
 * @param from the running container whose release, env and limits it takes, such as {@code shop.web.3.1}
 * @param command the command's words, run as they are (each quoted for {@code sh -c}: nothing split or expanded)
 * @param timeout how long it may run before it is killed; null means {@link #DEFAULT_TIMEOUT}
 */
public record OneOffRequest(String from, List<String> command, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(24);
    public static final int MOST_WORDS = 256;
    public static final int LONGEST_COMMAND = 64 * 1024;

    public OneOffRequest {
        ContainerId.parse(from);
        if (command == null || command.isEmpty()) {
            throw new IllegalArgumentException("a one-off needs a command, such as [\"sh\", \"-c\", \"env\"]");
        }
        command = List.copyOf(command);
        if (command.size() > MOST_WORDS || command.stream().mapToInt(String::length).sum() > LONGEST_COMMAND) {
            throw new IllegalArgumentException("a one-off's command is at most " + MOST_WORDS + " words and "
                    + LONGEST_COMMAND + " characters");
        }
        if (command.stream().anyMatch(word -> word.indexOf('\0') >= 0)) {
            throw new IllegalArgumentException("a one-off's command cannot hold a NUL character");
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a one-off's timeout must be positive, got " + timeout);
        }
    }

    /** The command as one {@code sh -c} line: each word in single quotes, so it runs word for word. */
    public String shellLine() {
        return String.join(" ", command.stream().map(word -> "'" + word.replace("'", "'\\''") + "'").toList());
    }

    /** Its first word (what an audit or a log names: the rest may hold secrets). */
    public String program() {
        return command.getFirst();
    }
}
