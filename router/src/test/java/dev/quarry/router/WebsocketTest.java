package dev.quarry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.quarry.router.apply.ApplyResult;
import dev.quarry.router.apply.Router;
import dev.quarry.router.model.NodeRoute;
import dev.quarry.router.model.RouterSettings;
import dev.quarry.router.model.StackRoutes;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A websocket app behind the router: the upgrade is forwarded and the connection outlives a reload. */
class WebsocketTest {
    @TempDir
    Path prefix;

    @Test
    void upgradesAreForwardedAndSurviveAReload() throws Exception {
        int port = RouterTest.freePort();
        try (WebsocketEcho echo = new WebsocketEcho(); Backend other = new Backend("other");
                Router router = Router.start(prefix, RouterSettings.local(port))) {
            applied(router, new StackRoutes("chat", List.of(new NodeRoute("web", List.of("chat.test"),
                    List.of(echo.endpoint())))));

            try (Socket socket = WebsocketEcho.connect(port, "chat.test")) {
                assertEquals("hello", WebsocketEcho.exchange(socket, "hello"));

                applied(router, RouterTest.stack("other", "web", "other.test", other));

                assertEquals("after the reload", WebsocketEcho.exchange(socket, "after the reload"));
            }
            assertEquals("other", Http.get(port, "other.test").body(), "plain requests keep their keepalive headers");
        }
    }

    private static void applied(Router router, StackRoutes routes) throws Exception {
        ApplyResult result = router.apply(routes);
        assertInstanceOf(ApplyResult.Applied.class, result, result.toString());
    }
}
