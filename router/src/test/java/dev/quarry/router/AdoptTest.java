package dev.quarry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.router.apply.ApplyResult;
import dev.quarry.router.apply.Router;
import dev.quarry.router.model.RouterSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A router whose owner died without closing it (HQ killed with -9: nginx lives on) is taken over by the
 * next one, under constant load: not one request fails, and the same nginx master serves on.
 */
class AdoptTest {
    private static final int CLIENTS = 4;

    @TempDir
    Path prefix;

    @Test
    void theNextRouterAdoptsTheRunningNginxWithoutAFailedRequest() throws Exception {
        int port = RouterTest.freePort();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger succeeded = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        List<Thread> clients = new ArrayList<>();
        Router abandoned = Router.start(prefix, RouterSettings.local(port));
        Router adopting = null;
        try (Backend shop = new Backend("shop"); Backend blog = new Backend("blog")) {
            applied(abandoned.apply(RouterTest.stack("shop", "web", "shop.test", shop)));
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(Thread.ofPlatform().start(() -> load(port, running, succeeded, failures)));
            }
            Thread.sleep(300);

            adopting = Router.startOrAdopt(prefix, RouterSettings.local(port));
            applied(adopting.apply(RouterTest.stack("blog", "web", "blog.test", blog)));
            Thread.sleep(300);
            stop(clients, running);

            assertTrue(adopting.adopted());
            assertEquals(abandoned.masterPid(), adopting.masterPid(), "the same nginx master serves on");
            assertEquals("blog", Http.get(port, "blog.test").body(), "the adopted nginx takes changes");
        } finally {
            stop(clients, running);
            (adopting != null ? adopting : abandoned).close();
        }
        synchronized (failures) {
            assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())), failures.size() + " failed");
        }
        assertTrue(succeeded.get() > 50, "the load kept going: " + succeeded.get() + " requests");
    }

    @Test
    void withNoNginxRunningItStartsOne() throws Exception {
        try (Router router = Router.startOrAdopt(prefix, RouterSettings.local(RouterTest.freePort()))) {
            assertFalse(router.adopted());
            assertTrue(ProcessHandle.of(router.masterPid()).isPresent());
        }
    }

    private static void load(int port, AtomicBoolean running, AtomicInteger succeeded, List<String> failures) {
        long stopAt = System.nanoTime() + 60_000_000_000L;
        while (running.get() && System.nanoTime() < stopAt) {
            try {
                Http.Response response = Http.get(port, "shop.test");
                if (response.status() == 200 && response.body().equals("shop")) {
                    succeeded.incrementAndGet();
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
