package dev.quarry.locknet.apply;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs commands as child processes, without a shell, killing any that outlive a time limit. */
public final class ProcessCommandRunner implements CommandRunner {
    private final Duration limit;

    /** @param limit how long one command may run before it is killed and counted as failed */
    public ProcessCommandRunner(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        this.limit = limit;
    }

    public ProcessCommandRunner() {
        this(Duration.ofSeconds(60));
    }

    @Override
    public CommandResult run(List<String> command, String input) throws IOException {
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<String> output = readAll(process.getInputStream());
        CompletableFuture<String> errors = readAll(process.getErrorStream());
        writeQuietly(process.getOutputStream(), input);
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + limit.toSeconds() + " s");
            }
            return new CommandResult(process.exitValue(), output.get(), errors.get());
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(command.get(0) + " was interrupted", interrupted);
        } catch (ExecutionException unreadable) {
            throw new IOException("cannot read what " + command.get(0) + " printed", unreadable.getCause());
        }
    }

    /** A command that exits before reading all its input reports why on standard error; that is the error to show. */
    private static void writeQuietly(OutputStream stdin, String input) {
        try (stdin) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        } catch (IOException closedEarly) {
            // the exit status and standard error tell what went wrong
        }
    }

    private static CompletableFuture<String> readAll(InputStream stream) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (stream) {
                text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException unreadable) {
                text.completeExceptionally(unreadable);
            }
        });
        return text;
    }
}
