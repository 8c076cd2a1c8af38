package dev.quarry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.router.apply.ApplyResult;
import dev.quarry.router.apply.Router;
import dev.quarry.router.model.NodeRoute;
import dev.quarry.router.model.RouterSettings;
import dev.quarry.router.model.StackRoutes;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The router against a real nginx on a loopback port, with stand-in containers. */
class RouterTest {
    @TempDir
    Path prefix;

    private final List<Backend> backends = new ArrayList<>();
    private Router router;
    private int port;

    @BeforeEach
    void startRouter() throws Exception {
        port = freePort();
        router = Router.start(prefix, RouterSettings.local(port));
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (router != null) {
            router.close();
        }
        backends.forEach(Backend::close);
    }

    @Test
    void sendsEachHostToItsStackAndUnknownHostsToTheQuarry404Page() throws Exception {
        applied(stack("shop", "web", "shop.test", backend("shop says hi")));
        applied(stack("blog", "web", "blog.test", backend("blog says hi")));

        assertEquals("shop says hi", Http.get(port, "shop.test").body());
        assertEquals("blog says hi", Http.get(port, "blog.test").body());
        Http.Response unknown = Http.get(port, "nobody.test");
        assertEquals(404, unknown.status());
        assertTrue(unknown.body().contains("No app is served at this address by Quarry."), unknown.body());
    }

    @Test
    void aNodeWithoutHealthyContainersAnswers503() throws Exception {
        applied(new StackRoutes("shop", List.of(new NodeRoute("web", List.of("shop.test"), List.of()))));

        assertEquals(503, Http.get(port, "shop.test").status());
    }

    @Test
    void aDomainBelongsToOneStack() throws Exception {
        applied(stack("shop", "web", "shop.test", backend("shop")));

        assertEquals("stack blog: shop.test is already routed to stack shop",
                refusal(stack("blog", "web", "shop.test", backend("blog"))));
    }

    @Test
    void removingAStackStopsRoutingItsDomains() throws Exception {
        applied(stack("shop", "web", "shop.test", backend("shop")));

        assertInstanceOf(ApplyResult.Applied.class, router.remove("shop"));

        assertEquals(404, Http.get(port, "shop.test").status());
        assertEquals(Map.of(), router.routedDomains());
    }

    @Test
    void aRestartedRouterServesWhatWasLive() throws Exception {
        applied(stack("shop", "web", "shop.test", backend("shop")));
        router.close();

        router = Router.start(prefix, RouterSettings.local(port));

        assertEquals("shop", Http.get(port, "shop.test").body());
        assertEquals(Map.of("shop", List.of("shop.test")), router.routedDomains());
    }

    private Backend backend(String text) throws IOException {
        Backend backend = new Backend(text);
        backends.add(backend);
        return backend;
    }

    static StackRoutes stack(String stack, String node, String domain, Backend... backends) {
        return new StackRoutes(stack, List.of(new NodeRoute(node, List.of(domain),
                java.util.Arrays.stream(backends).map(Backend::endpoint).toList())));
    }

    private void applied(StackRoutes routes) throws Exception {
        ApplyResult result = router.apply(routes);
        assertInstanceOf(ApplyResult.Applied.class, result, result.toString());
    }

    private String refusal(StackRoutes routes) throws Exception {
        return assertInstanceOf(ApplyResult.Refused.class, router.apply(routes)).reason();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
