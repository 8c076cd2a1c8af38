package dev.quarry.agent.client;

import dev.quarry.agent.runtime.OutputLines;
import dev.quarry.agent.runtime.RuntimeFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.util.io.output.NoCloseOutputStream;

/** One exec request to an agent: the verb line, what goes to its stdin, and what came back. */
final class AgentCall {
    /** Writes a verb's stdin. */
    @FunctionalInterface
    interface Input {
        void writeTo(OutputStream stdin) throws IOException;
    }

    /**
     * What came back.
     *
     * @param exitStatus the verb's exit status, or null when none came in time
     * @param stdout its answer
     * @param stderr its error
     * @param inputFailure why writing stdin broke off (the agent refused midway), or null
     */
    record Result(Integer exitStatus, String stdout, String stderr, String inputFailure) {}

    /** How often a call checks that whoever waits for it is still there. */
    private static final Duration POLL = Duration.ofMillis(250);

    private AgentCall() {}

    static Result run(ClientSession session, String commandLine, Input input, Duration timeout) throws IOException {
        return run(session, commandLine, input, timeout, OutputLines.NONE);
    }

    /** The same, lines of stdout starting {@code | } handed to {@code progress} as they come. */
    static Result run(ClientSession session, String commandLine, Input input, Duration timeout,
            OutputLines progress) throws IOException {
        return run(session, commandLine, input, timeout, progress, () -> true);
    }

    /**
     * The same, given up once {@code wanted} turns false (checked a few times a second): the channel is closed (a
     * graceful close, so the agent hears of it and stops what it runs for it), and the result has no exit status.
     */
    static Result run(ClientSession session, String commandLine, Input input, Duration timeout,
            OutputLines progress, BooleanSupplier wanted) throws IOException {
        ProgressSplitter out = new ProgressSplitter(progress);
        return run(session, commandLine, input, timeout, out, out::answer, wanted);
    }

    /**
     * A verb whose answer is a stream ({@code send-build}): its stdout goes to {@code stdout} as it comes (left
     * open: the caller closes it).
     */
    static Result download(ClientSession session, String commandLine, Duration timeout, OutputStream stdout)
            throws IOException {
        return run(session, commandLine, in -> { }, timeout, new NoCloseOutputStream(stdout), () -> "", () -> true);
    }

    private static Result run(ClientSession session, String commandLine, Input input, Duration timeout,
            OutputStream out, Supplier<String> answer, BooleanSupplier wanted) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ChannelExec channel = session.createExecChannel(commandLine)) {
            channel.setOut(out);
            channel.setErr(err);
            channel.open().verify(timeout);
            String inputFailure = write(channel.getInvertedIn(), input);
            Set<ClientChannelEvent> events = awaitEnd(channel, timeout, wanted);
            if (events.contains(ClientChannelEvent.EXIT_STATUS) && !events.contains(ClientChannelEvent.CLOSED)) {
                channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(5));
            }
            Integer status = events.contains(ClientChannelEvent.TIMEOUT) ? null : channel.getExitStatus();
            return new Result(status, answer.get(), err.toString(StandardCharsets.UTF_8),
                    inputFailure);
        }
    }

    /** Waits for the exit status or the channel's close, closing it at once when it is no longer wanted. */
    private static Set<ClientChannelEvent> awaitEnd(ChannelExec channel, Duration timeout, BooleanSupplier wanted) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED,
                    ClientChannelEvent.EXIT_STATUS), Duration.ofNanos(Math.max(1, Math.min(left, POLL.toNanos()))));
            if (!events.contains(ClientChannelEvent.TIMEOUT) || left <= POLL.toNanos()) {
                return events;
            }
            if (!wanted.getAsBoolean()) {
                channel.close(false);
                return EnumSet.of(ClientChannelEvent.TIMEOUT);
            }
        }
    }

    private static String write(OutputStream stdin, Input input) {
        try (stdin) {
            input.writeTo(stdin);
            return null;
        } catch (IOException e) {
            return RuntimeFailure.firstLine(e, "HQ");
        }
    }
}
