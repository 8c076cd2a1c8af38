package dev.quarry.ssh;

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
 * A command run on the server's own threads (never MINA's I/O threads), ending with an exit status.
 * A failure it did not expect is one {@code quarry: failed: ...} line on stderr and status 1.
 */
public abstract class ChannelCommand implements Command {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelCommand.class);

    private final ExecutorService executor;
    private final String server;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private volatile ChannelSession channel;

    /** @param server who runs it, as a failure without a message names it: "HQ", "the agent" */
    protected ChannelCommand(ExecutorService executor, String server) {
        this.executor = executor;
        this.server = server;
    }

    /** Runs the command; returns its exit status. */
    protected abstract int run(InputStream in, OutputStream out, OutputStream err) throws Exception;

    @Override
    public void start(ChannelSession channel, Environment environment) {
        this.channel = channel;
        executor.execute(this::runToExit);
    }

    /** Whether the client is still there to see what the command does. */
    protected boolean clientConnected() {
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
            String message = e.getMessage() == null
                    ? "an unexpected error; " + server + "'s log has the details" : e.getMessage();
            writeLine(err, "quarry: failed: " + message.lines().findFirst().orElse(""));
            status = 1;
        }
        flush(out);
        flush(err);
        exit.onExit(status);
    }

    /** Nothing to stop: a command in progress is left to finish when the client leaves, so state stays whole. */
    @Override
    public void destroy(ChannelSession channel) {
        // nothing to interrupt
    }

    /** Writes one line and flushes it; a client that left is not an error. */
    protected static void writeLine(OutputStream stream, String line) {
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
