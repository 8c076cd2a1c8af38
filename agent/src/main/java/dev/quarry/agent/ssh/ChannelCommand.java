package dev.quarry.agent.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/** A command run on the agent's own threads (never MINA's I/O threads), ending with an exit status. */
abstract class ChannelCommand implements Command {
    private final ExecutorService executor;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;

    ChannelCommand(ExecutorService executor) {
        this.executor = executor;
    }

    /** Runs the command; returns its exit status. */
    abstract int run(InputStream in, OutputStream out, OutputStream err);

    @Override
    public void start(ChannelSession channel, Environment environment) {
        executor.execute(() -> {
            int status = run(in, out, err);
            flush(out);
            flush(err);
            exit.onExit(status);
        });
    }

    /** A verb in progress is left to finish when the client leaves, so the agent's state stays whole. */
    @Override
    public void destroy(ChannelSession channel) {
        // nothing to interrupt
    }

    static void writeLine(OutputStream stream, String line) {
        try {
            stream.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stream.flush();
        } catch (IOException e) {
            // the client left
        }
    }

    private static void flush(OutputStream stream) {
        try {
            stream.flush();
        } catch (IOException e) {
            // the client left
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
