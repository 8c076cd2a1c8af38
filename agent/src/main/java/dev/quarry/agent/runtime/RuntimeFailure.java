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

    /** The first line of a cause's message, or its class name when it has none. */
    public static String firstLine(Throwable cause) {
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        return message.strip().lines().findFirst().orElse("").strip();
    }
}
