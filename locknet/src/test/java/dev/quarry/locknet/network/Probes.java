package dev.quarry.locknet.network;

import dev.quarry.locknet.apply.CommandResult;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** TCP connection attempts made from inside a namespace with busybox nc, each bounded to one second. */
public final class Probes {
    private static final int READY_TRIES = 100;

    private Probes() {}

    /** One attempt from a namespace to an address and port. */
    public static Reach attempt(Namespace from, String address, int port) {
        CommandResult result = from.run("busybox", "nc", "-w", "1", address, Integer.toString(port));
        if (result.succeeded()) {
            return Reach.CONNECTED;
        }
        if (result.errors().contains("refused")) {
            return Reach.REFUSED;
        }
        if (result.errors().contains("timed out")) {
            return Reach.DROPPED;
        }
        throw new AssertionError("nc from " + from.name() + " to " + address + ":" + port + " failed oddly: "
                + result.errorLine());
    }

    /** Attempts to several ports at once; the answer maps each port to what happened. */
    public static SortedMap<Integer, Reach> attempts(Namespace from, String address, List<Integer> ports) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<Integer, Future<Reach>> pending = new TreeMap<>();
            for (int port : ports) {
                pending.put(port, executor.submit(() -> attempt(from, address, port)));
            }
            SortedMap<Integer, Reach> reached = new TreeMap<>();
            for (Map.Entry<Integer, Future<Reach>> entry : pending.entrySet()) {
                reached.put(entry.getKey(), entry.getValue().get());
            }
            return reached;
        } catch (InterruptedException | ExecutionException failed) {
            throw new AssertionError("connection attempts from " + from.name() + " failed", failed);
        }
    }

    /** Waits, a bounded number of tries, until something inside the namespace accepts on the port. */
    static void awaitListening(Namespace namespace, int port) {
        for (int tries = 0; tries < READY_TRIES; tries++) {
            if (attempt(namespace, "127.0.0.1", port) == Reach.CONNECTED) {
                return;
            }
            pause();
        }
        throw new AssertionError("nothing listens on port " + port + " in " + namespace.name());
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a listener", interrupted);
        }
    }
}
