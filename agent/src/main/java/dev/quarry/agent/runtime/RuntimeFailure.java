package dev.quarry.agent.runtime;

import java.util.List;

/**
 * Something a runtime could not do, said in one line: what, where, and how to fix it; with the last
 * lines of output that explain it (a failed build's, an unhealthy container's) when there are some.
 */
public class RuntimeFailure extends RuntimeException {
    private final List<String> lines;

    public RuntimeFailure(String message) {
        this(message, List.of());
    }

    public RuntimeFailure(String message, Throwable cause) {
        super(message, cause);
        this.lines = List.of();
    }

    public RuntimeFailure(String message, List<String> lines) {
        super(message);
        this.lines = List.copyOf(lines);
    }

    /** The output that explains the failure, oldest first; often empty. */
    public List<String> lines() {
        return lines;
    }

    /**
     * What went wrong, in one line a user can read: the first line of the first message along the chain of
     * causes, or what the kind of failure means (a refused connection, a time-out, an interruption) when
     * none has one, or else that it was unexpected and where its details are. Never a bare class name.
     *
     * @param where whose log holds the details, such as "HQ" or "the agent"
     */
    public static String firstLine(Throwable failure, String where) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && !message.isBlank()) {
                return message.strip().lines().findFirst().orElse("").strip();
            }
            String meaning = meaning(cause);
            if (!meaning.isEmpty()) {
                return meaning;
            }
        }
        return "an unexpected error (" + failure.getClass().getSimpleName() + "); " + where + "'s log has the details";
    }

    /** {@link #firstLine(Throwable, String)} where the agent's log has the details. */
    public static String firstLine(Throwable failure) {
        return firstLine(failure, "the agent");
    }

    private static String meaning(Throwable cause) {
        return switch (cause) {
            case java.net.ConnectException refused -> "the connection was refused";
            case java.net.SocketTimeoutException late -> "no answer in time";
            case java.io.EOFException early -> "the other side closed the connection early";
            case java.io.InterruptedIOException interrupted -> "interrupted while waiting for an answer";
            case InterruptedException interrupted -> "interrupted (Quarry is stopping)";
            case java.util.concurrent.TimeoutException late -> "no answer in time";
            case OutOfMemoryError full -> "out of memory";
            default -> "";
        };
    }
}
