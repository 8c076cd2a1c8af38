package dev.quarry.locknet.network;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One long-lived busybox nc connection to an echo server, to see whether it outlives a change of rules. */
final class EchoClient {
    private static final int ANSWER_SECONDS = 5;

    private final OutputStream toServer;
    private final BufferedReader echoes;

    private EchoClient(Process process) {
        this.toServer = process.getOutputStream();
        this.echoes = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static EchoClient connect(TestGrid grid, String from, String to, int port) {
        return new EchoClient(grid.start(from, "busybox", "nc", "-w", "2", TestGrid.ipv4(to), Integer.toString(port)));
    }

    /** Sends a line and returns what came back, failing when nothing does within a few seconds. */
    String roundTrip(String line) throws IOException, InterruptedException {
        toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        toServer.flush();
        CompletableFuture<String> echoed = CompletableFuture.supplyAsync(() -> {
            try {
                return echoes.readLine();
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        });
        try {
            return echoed.get(ANSWER_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException silent) {
            throw new AssertionError("no echo of \"" + line + "\" within " + ANSWER_SECONDS + " s: the connection is cut");
        } catch (ExecutionException failed) {
            throw new AssertionError("the connection broke", failed.getCause());
        }
    }
}
