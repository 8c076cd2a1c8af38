package dev.quarry.agent.client;

import java.util.List;

/**
 * An agent could not be reached, or answered a verb with an error. The message is one line that
 * names the agent: {@code agent 127.0.0.2:2200: start shop.web.3.1: no source for shop release 3 ...}.
 */
public final class AgentException extends RuntimeException {
    /** The exit status when the agent was not reached or did not answer in time. */
    public static final int UNREACHED = -1;

    private final int exitStatus;
    private final List<String> lines;
    private final String error;

    public AgentException(String message, int exitStatus, List<String> lines) {
        this(message, exitStatus, lines, message);
    }

    /** @param error the agent's own one-line error, without the agent and verb in front */
    public AgentException(String message, int exitStatus, List<String> lines, String error) {
        super(message);
        this.exitStatus = exitStatus;
        this.lines = List.copyOf(lines);
        this.error = error;
    }

    public AgentException(String message, Throwable cause) {
        super(message, cause);
        this.exitStatus = UNREACHED;
        this.lines = List.of();
        this.error = message;
    }

    /** The agent's own error, such as {@code build failed: make exited 2 (...)}; the message when it sent none. */
    public String error() {
        return error;
    }

    /** 1 when the verb failed, 2 when the agent refused the request as written, -1 when it was not reached. */
    public int exitStatus() {
        return exitStatus;
    }

    /** Whether the agent refused the request itself (fix the request, do not retry as is). */
    public boolean refused() {
        return exitStatus == 2;
    }

    /** Output that explains the failure (a build's last lines), oldest first; often empty. */
    public List<String> lines() {
        return lines;
    }
}
