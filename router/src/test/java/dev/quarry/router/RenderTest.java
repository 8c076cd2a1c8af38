package dev.quarry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.router.model.Endpoint;
import dev.quarry.router.model.NodeRoute;
import dev.quarry.router.model.RouterSettings;
import dev.quarry.router.model.StackRoutes;
import dev.quarry.router.render.MainConfigRenderer;
import dev.quarry.router.render.RenderedStack;
import dev.quarry.router.render.StackRenderer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure renderers: the exact text of a stack, and what the main configuration is sized and made of. */
class RenderTest {
    private static final RouterSettings SETTINGS = RouterSettings.local(8080);

    @Test
    void rendersAMapLinePerDomainAndAnUpstreamPerNodeWithContainers() throws Exception {
        StackRoutes routes = new StackRoutes("shop", List.of(
                new NodeRoute("web", List.of("shop.example.com", "*.shop.example.com"),
                        List.of(new Endpoint("127.0.0.1", 8001), new Endpoint("127.0.0.2", 8002))),
                new NodeRoute("admin", List.of("admin.shop.example.com"), List.of())));

        RenderedStack rendered = StackRenderer.render(routes, SETTINGS);

        assertEquals("""
                shop.example.com shop.web;
                *.shop.example.com shop.web;
                admin.shop.example.com quarry-unavailable;
                """, rendered.map());
        assertEquals("""
                # Stack shop: rendered by Quarry's router; changes here are overwritten.
                upstream shop.web {
                    server 127.0.0.1:8001 max_fails=1 fail_timeout=2s;
                    server 127.0.0.2:8002 max_fails=1 fail_timeout=2s;
                    keepalive 16;
                }
                upstream shop.admin {
                    server 127.0.0.1:9 down;
                    keepalive 16;
                }
                """, rendered.conf());
    }

    @Test
    void aStacksTemplateGoesInsideTheServerBlockOfItsOwnDomains() throws Exception {
        StackRoutes routes = new StackRoutes("shop", List.of(new NodeRoute("web", List.of("shop.example.com"),
                List.of(new Endpoint("127.0.0.1", 8001)))), java.util.Optional.of("gzip on;"));

        String conf = StackRenderer.render(routes, SETTINGS).conf();

        assertTrue(conf.endsWith("""
                # Stack shop's own .quarry/nginx.mustache, checked against the stack template allowlist.
                server {
                    listen 127.0.0.1:8080;
                    server_name shop.example.com;

                gzip on;

                    location / {
                        if ($quarry_upstream = "quarry-unavailable") {
                            return 503 "<!doctype html><title>503 Service Unavailable</title><h1>503 Service Unavailable</h1><p>This app has no healthy containers right now (Quarry).</p>\\n";
                        }
                        proxy_pass http://$quarry_upstream;
                    }
                }
                """), conf);
    }

    @Test
    void theMainConfigurationIsDeterministicAndSizedToTheDomains() {
        String small = MainConfigRenderer.render(SETTINGS, "/srv/router", 7, 10, 20);
        String large = MainConfigRenderer.render(SETTINGS, "/srv/router", 7, 100_000, 200);

        assertEquals(small, MainConfigRenderer.render(SETTINGS, "/srv/router", 7, 10, 20));
        assertTrue(small.contains("map_hash_max_size 1024;\n    map_hash_bucket_size 64;"), small);
        assertTrue(large.contains("map_hash_max_size 262144;\n    map_hash_bucket_size 256;"), large);
        assertTrue(small.contains("listen 127.0.0.1:8080 default_server;"), small);
        assertTrue(small.contains("return 200 \"7\\n\";"), small);
        assertTrue(small.contains("proxy_next_upstream error timeout http_502 http_503;"), small);
    }

    @Test
    void refusesAPrefixThatWouldBreakOutOfAQuotedPath() {
        assertThrows(IllegalArgumentException.class,
                () -> MainConfigRenderer.render(SETTINGS, "/srv/x\"; include /etc/shadow; #", 1, 0, 0));
    }
}
