package dev.quarry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.router.apply.ApplyResult;
import dev.quarry.router.apply.Router;
import dev.quarry.router.model.RouterSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten redeploys under continuous load, done as DEPLOY does them: start the new containers, switch
 * routes (apply, which returns once nginx serves the new generation), wait a drain grace, then stop
 * the old ones. Not one request may fail.
 */
class ZeroDowntimeTest {
    private static final int REDEPLOYS = 10;
    private static final int CLIENTS = 4;
    private static final long DRAIN_GRACE_MILLIS = 300;

    @TempDir
    Path prefix;

    @Test
    void noRequestFailsDuringTenRedeploys() throws Exception {
        int port = RouterTest.freePort();
        List<Backend> live = new ArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger succeeded = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        ConcurrentHashMap<String, Integer> versionsSeen = new ConcurrentHashMap<>();
        List<Thread> clients = new ArrayList<>();
        try (Router router = Router.start(prefix, RouterSettings.local(port))) {
            live.add(new Backend("v0"));
            live.add(new Backend("v0"));
            applied(router.apply(RouterTest.stack("shop", "web", "shop.test", live.toArray(Backend[]::new))));
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(Thread.ofPlatform().start(() -> load(port, running, succeeded, failures, versionsSeen)));
            }
            for (int release = 1; release <= REDEPLOYS; release++) {
                List<Backend> next = List.of(new Backend("v" + release), new Backend("v" + release));
                applied(router.apply(RouterTest.stack("shop", "web", "shop.test", next.toArray(Backend[]::new))));
                Thread.sleep(DRAIN_GRACE_MILLIS);
                live.forEach(Backend::close);
                live.clear();
                live.addAll(next);
            }
            Thread.sleep(DRAIN_GRACE_MILLIS);
            stop(clients, running);
        } finally {
            stop(clients, running);
            live.forEach(Backend::close);
        }
        synchronized (failures) {
            assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())), failures.size() + " failed");
        }
        assertTrue(succeeded.get() > REDEPLOYS * 10, "the load kept going: " + succeeded.get() + " requests");
        assertTrue(versionsSeen.containsKey("v" + REDEPLOYS), "the last release served: " + versionsSeen.keySet());
    }

    private static void load(int port, AtomicBoolean running, AtomicInteger succeeded, List<String> failures,
            ConcurrentHashMap<String, Integer> versionsSeen) {
        long stopAt = System.nanoTime() + 120_000_000_000L;
        while (running.get() && System.nanoTime() < stopAt) {
            try {
                Http.Response response = Http.get(port, "shop.test");
                if (response.status() == 200) {
                    succeeded.incrementAndGet();
                    versionsSeen.merge(response.body(), 1, Integer::sum);
                } else {
                    synchronized (failures) {
                        failures.add(response.status() + " " + response.body().strip());
                    }
                }
            } catch (Exception e) {
                synchronized (failures) {
                    failures.add(e.toString());
                }
            }
        }
    }

    /** Stops the load before the router, so that only failures during the redeploys count. */
    private static void stop(List<Thread> clients, AtomicBoolean running) throws InterruptedException {
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }
    }

    private static void applied(ApplyResult result) {
        assertInstanceOf(ApplyResult.Applied.class, result, result.toString());
    }
}
