package dev.quarry.hq.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command run on HQ's own threads (never MINA's I/O threads), ending with an exit status. A
 * failure it did not expect is one {@code quarry: ...} line on stderr and status 1.
 */
abstract class ChannelCommand implements Command {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelCommand.class);

    private final ExecutorService executor;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private volatile ChannelSession channel;

    ChannelCommand(ExecutorService executor) {
        this.executor = executor;
    }

    /** Runs the command; returns its exit status. */
    abstract int run(InputStream in, OutputStream out, OutputStream err) throws Exception;

    @Override
    public void start(ChannelSession channel, Environment environment) {
        this.channel = channel;
        executor.execute(this::runToExit);
    }

    /** Whether the client is still there to see what the command does. */
    boolean clientConnected() {
        ChannelSession current = channel;
        return current != null && current.isOpen() && !current.isClosing();
    }

    private void runToExit() {
        int status;
        try {
            status = run(in, out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 1;
        } catch (Exception | Error e) {
            LOG.warn("{} failed", getClass().getSimpleName(), e);
            String message = e.getMessage() == null ? "an unexpected error; HQ's log has the details" : e.getMessage();
            writeLine(err, "quarry: failed: " + message.lines().findFirst().orElse(""));
            status = 1;
        }
        flush(out);
        flush(err);
        exit.onExit(status);
    }

    /** Nothing to stop: when the client leaves, the streams end and so does the command. */
    @Override
    public void destroy(ChannelSession channel) {
        // a deploy in progress is left to finish, so the stack's state stays whole
    }

    static void writeLine(OutputStream stream, String line) {
        try {
            stream.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stream.flush();
        } catch (IOException e) {
            LOG.debug("cannot write to a client that left: {}", e.getMessage());
        }
    }

    private static void flush(OutputStream stream) {
        try {
            stream.flush();
        } catch (IOException e) {
            LOG.debug("cannot flush to a client that left: {}", e.getMessage());
        }
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }
}
