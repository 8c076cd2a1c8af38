package dev.quarry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.router.apply.ApplyResult;
import dev.quarry.router.apply.Router;
import dev.quarry.router.model.NodeRoute;
import dev.quarry.router.model.RouterSettings;
import dev.quarry.router.model.StackRoutes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stack's own template against a real nginx: it extends only the server block of the stack's own
 * domains, and each attack of issue 16 is refused with the live configuration unchanged byte for byte.
 */
class StackTemplateTest {
    @TempDir
    Path prefix;

    private final List<Backend> backends = new ArrayList<>();
    private Router router;
    private int port;

    @BeforeEach
    void startRouter() throws Exception {
        port = RouterTest.freePort();
        router = Router.start(prefix, RouterSettings.local(port));
        applied(RouterTest.stack("hello", "web", "hello.localhost", backend("hello")));
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (router != null) {
            router.close();
        }
        backends.forEach(Backend::close);
    }

    @Test
    void aTemplateAddsLocationsAndHeadersToItsOwnDomainsOnly() throws Exception {
        String template = """
                add_header X-Rendered-For {{stack}};
                location /api/ {
                {{#nodes}}
                    add_header X-Node {{node}};
                    proxy_pass http://{{upstream}};
                {{/nodes}}
                }
                location = /ping {
                    return 200 "pong";
                }
                """;
        applied(templated("shop", "shop.test", template, backend("shop")));

        assertEquals("pong", Http.get(port, "shop.test", "/ping").body());
        assertEquals("shop", Http.get(port, "shop.test", "/").body(), "Quarry's own location / still proxies");
        Http.Response api = Http.get(port, "shop.test", "/api/x");
        assertEquals("shop", api.body());
        assertTrue(api.headers().contains("X-Node: web"), api.headers());
        Http.Response other = Http.get(port, "hello.localhost", "/ping");
        assertEquals("hello", other.body(), "another stack's domain is untouched by the template");
        assertFalse(other.headers().contains("X-Rendered-For"), other.headers());
    }

    @Test
    void theLiveTemplateIsKeptUntilTheStackChangesIt() throws Exception {
        applied(templated("shop", "shop.test", "gzip on;\n", backend("shop")));
        refusal(templated("shop", "shop.test", "root /;\n", backend("shop")));
        applied(RouterTest.stack("other", "web", "other.test", backend("other")));

        assertEquals(Optional.of("gzip on;\n"), router.liveTemplate("shop"));
        assertEquals(Optional.empty(), router.liveTemplate("hello"));
        router.close();
        router = Router.start(prefix, RouterSettings.local(port));
        assertEquals(Optional.of("gzip on;\n"), router.liveTemplate("shop"), "a restarted router knows it too");
    }

    @Test
    void rootAndAutoindexAreRefusedAndServeNoFiles() throws Exception {
        assertAttackRefused("root /;\nautoindex on;\n", "shop", ".quarry/nginx.mustache:1: directive \"root\" is not allowed");

        assertFalse(Http.get(port, "shop.test", "/etc/passwd").body().contains("root:"));
    }

    @Test
    void anAccessLogIntoHqsKeysIsRefusedAndNoFileIsMade() throws Exception {
        Path keys = Files.createDirectories(prefix.resolve("keys"));
        String template = "log_format fmt '$http_x_k';\naccess_log " + keys.resolve("x.pub") + " fmt if=$http_x_k;\n";

        assertAttackRefused(template, "shop", ".quarry/nginx.mustache:1: directive \"log_format\" is not allowed");
        assertAttackRefused("access_log " + keys.resolve("x.pub") + ";\n", "shop",
                ".quarry/nginx.mustache:1: directive \"access_log\" is not allowed");

        Http.get(port, "shop.test", "/");
        try (Stream<Path> files = Files.list(keys)) {
            assertEquals(List.of(), files.toList(), "nginx made no file in keys/");
        }
    }

    @Test
    void aTemplateCannotTakeAnotherStacksDomain() throws Exception {
        assertAttackRefused("server_name hello.localhost;\n", "shop",
                ".quarry/nginx.mustache:1: directive \"server_name\" is not allowed");
        assertAttackRefused("}\nserver {\n    listen {{listen}};\n    server_name hello.localhost;\n", "shop",
                ".quarry/nginx.mustache:1: unexpected \"}\"");
        assertAttackRefused("location / {\n    proxy_pass http://hello.web;\n}\n", "shop",
                ".quarry/nginx.mustache (rendered):2: proxy_pass may only name this stack's own upstreams (http://shop.web),"
                        + " got \"http://hello.web\"");

        assertEquals("hello", Http.get(port, "hello.localhost", "/").body());
    }

    @Test
    void aTemplateThatNginxRefusesLeavesTheLiveConfiguration() throws Exception {
        Map<String, String> before = liveFiles();

        String reason = refusal(templated("shop", "shop.test", "gzip maybe;\n", backend("shop")));

        assertTrue(reason.startsWith("stack shop: nginx: [emerg] invalid value \"maybe\" in \"gzip\" directive"), reason);
        assertEquals(before, liveFiles());
    }

    @Test
    void templatesThatDoNotCompileOrReachForFilesAreRefused() throws Exception {
        assertAttackRefused("{{#nodes}} add_header X a;", "shop", ".quarry/nginx.mustache: ");
        assertAttackRefused("{{> /etc/passwd}}", "shop", ".quarry/nginx.mustache: partials such as {{> /etc/passwd}}"
                + " are not allowed");
    }

    @Test
    void aStackCannotAnswerTheRoutersOwnReloadProbe() throws Exception {
        applied(templated("probe", "quarry-router", "location = /.quarry/generation {\n    return 200 \"0\";\n}\n",
                backend("probe")));

        applied(RouterTest.stack("after", "web", "after.test", backend("after")));
        assertEquals("after", Http.get(port, "after.test", "/").body(), "reloads are still confirmed");
    }

    @Test
    void aTemplateThatRendersWithoutBoundIsStoppedAtOneMebibyte() throws Exception {
        String bomb = "{{#nodes}}".repeat(12) + "add_header X-Pad 0123456789012345678901234567890123456789;\n"
                + "{{/nodes}}".repeat(12);
        List<NodeRoute> nodes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            nodes.add(new NodeRoute("n" + i, List.of("n" + i + ".shop.test"), List.of(backend("shop").endpoint())));
        }
        Map<String, String> before = liveFiles();

        String reason = refusal(new StackRoutes("shop", nodes, Optional.of(bomb)));

        assertEquals("stack shop: .quarry/nginx.mustache: it renders to more than 1048576 characters", reason);
        assertEquals(before, liveFiles());
    }

    /** Applies the template for {@code stack} on shop.test, asserts the refusal, and that nothing live changed. */
    private void assertAttackRefused(String template, String stack, String reasonStart) throws Exception {
        Map<String, String> before = liveFiles();

        String reason = refusal(templated(stack, "shop.test", template, backend(stack)));

        assertTrue(reason.startsWith("stack " + stack + ": " + reasonStart), reason);
        assertEquals(before, liveFiles(), "the live configuration is unchanged byte for byte");
        assertEquals(404, Http.get(port, "shop.test", "/").status(), "the refused stack is not routed");
        assertEquals("hello", Http.get(port, "hello.localhost", "/").body());
    }

    private StackRoutes templated(String stack, String domain, String template, Backend backend) {
        return new StackRoutes(stack, List.of(new NodeRoute("web", List.of(domain), List.of(backend.endpoint()))),
                Optional.of(template));
    }

    private Map<String, String> liveFiles() throws IOException {
        Path live = prefix.resolve("live");
        Map<String, String> files = new TreeMap<>();
        files.put("live ->", Files.readSymbolicLink(live).toString());
        try (Stream<Path> walk = Files.walk(live.toRealPath())) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(live.toRealPath().relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }

    private Backend backend(String text) throws IOException {
        Backend backend = new Backend(text);
        backends.add(backend);
        return backend;
    }

    private void applied(StackRoutes routes) throws Exception {
        ApplyResult result = router.apply(routes);
        assertInstanceOf(ApplyResult.Applied.class, result, result.toString());
    }

    private String refusal(StackRoutes routes) throws Exception {
        return assertInstanceOf(ApplyResult.Refused.class, router.apply(routes)).reason();
    }
}
