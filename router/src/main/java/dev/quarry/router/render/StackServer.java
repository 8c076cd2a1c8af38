package dev.quarry.router.render;

import com.github.mustachejava.MustacheException;
import dev.quarry.router.model.NodeRoute;
import dev.quarry.router.model.RouterSettings;
import dev.quarry.router.model.StackRoutes;
import dev.quarry.router.template.TemplateChecker;
import dev.quarry.router.template.TemplateVerdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A stack's own template, inside the server block Quarry makes for the stack's domains: the template
 * is checked as written, rendered, checked again as rendered, and only then placed between Quarry's
 * {@code listen}/{@code server_name} and closing brace. Without its own {@code location /}, the
 * stack's domains are proxied as they are without a template. A stack without domains gets no server
 * block (its template is still checked).
 */
final class StackServer {
    /** How long a rendered template may get: 1 MiB of text, 16 times the largest template. */
    static final int MAX_RENDERED_CHARS = 1 << 20;

    private StackServer() {}

    /** Empty when the stack has no domains (its template is still checked). */
    static java.util.Optional<Rendered> render(StackRoutes routes, RouterSettings settings) throws StackTemplateException {
        String template = routes.template().orElseThrow();
        if (TemplateChecker.checkSource(template) instanceof TemplateVerdict.Refused refused) {
            throw new StackTemplateException(routes.stack(), refused.reason());
        }
        if (routes.domains().isEmpty()) {
            return java.util.Optional.empty();
        }
        String rendered = renderTemplate(routes, settings, template);
        if (!rendered.isEmpty() && !rendered.endsWith("\n")) {
            rendered += "\n";
        }
        TemplateVerdict verdict = TemplateChecker.checkRendered(rendered, upstreams(routes));
        if (verdict instanceof TemplateVerdict.Refused refused) {
            throw new StackTemplateException(routes.stack(), refused.reason());
        }
        String body = Templates.render(Templates.builtIn("stack.body.mustache"), Map.of("template", rendered,
                "ownRoot", ((TemplateVerdict.Allowed) verdict).hasRootLocation()));
        Map<String, Object> scope = new HashMap<>(Map.of("stack", routes.stack(), "listen", listen(settings),
                "domains", routes.domains(), "body", body));
        HttpsRenderer.scope(settings).ifPresent(https -> scope.put("https", https));
        return java.util.Optional.of(new Rendered(Templates.render(Templates.builtIn("stack.server.mustache"), scope), body));
    }

    /**
     * A stack's server block and its body (the rendered template and, unless it has its own, the root
     * location), which each of its certified domains' HTTPS servers includes.
     */
    record Rendered(String server, String body) {}

    private static String renderTemplate(StackRoutes routes, RouterSettings settings, String template)
            throws StackTemplateException {
        try {
            return Templates.renderBounded(Templates.ofStack(routes.stack(), template), scope(routes, settings),
                    MAX_RENDERED_CHARS);
        } catch (MustacheException e) {
            throw new StackTemplateException(routes.stack(), TemplateChecker.FILE + ": " + oneLine(rootMessage(e)));
        }
    }

    /** The upstreams a template may proxy to: one per routed node of the stack. */
    static Set<String> upstreams(StackRoutes routes) {
        Set<String> names = new TreeSet<>();
        routes.nodes().forEach(node -> names.add(StackRenderer.upstreamName(routes.stack(), node.node())));
        return names;
    }

    /** What a stack's template can use: stack, listen, and nodes with upstream, available, domains, endpoints. */
    private static Map<String, Object> scope(StackRoutes routes, RouterSettings settings) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (NodeRoute node : routes.nodes()) {
            Map<String, Object> scope = new LinkedHashMap<>();
            scope.put("node", node.node());
            scope.put("upstream", StackRenderer.upstreamName(routes.stack(), node.node()));
            scope.put("available", !node.endpoints().isEmpty());
            scope.put("domains", node.domains());
            scope.put("endpoints", StackRenderer.endpoints(node.endpoints()));
            nodes.add(scope);
        }
        return Map.of("stack", routes.stack(), "listen", listen(settings), "nodes", nodes);
    }

    private static String listen(RouterSettings settings) {
        return settings.listenHost() + ":" + settings.listenPort();
    }

    /** mustache.java wraps what a writer throws; the innermost message says what happened. */
    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? e.getMessage() : cause.getMessage();
    }

    private static String oneLine(String message) {
        return String.valueOf(message).replaceAll("\\s*\\R\\s*", " ");
    }
}
