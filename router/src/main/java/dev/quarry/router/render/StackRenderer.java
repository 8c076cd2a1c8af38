package dev.quarry.router.render;

import dev.quarry.router.model.Endpoint;
import dev.quarry.router.model.NodeRoute;
import dev.quarry.router.model.RouterSettings;
import dev.quarry.router.model.StackRoutes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Renders one stack: a map line per domain (to the node's upstream, or to {@code quarry-unavailable}
 * when it has no healthy container) and an upstream per node (a node without healthy containers gets
 * one that is down); then, with its own template, the server block of its domains (see {@link StackServer}).
 */
public final class StackRenderer {
    /** What a map value names when a node has no healthy container; nginx answers 503 for it. */
    public static final String UNAVAILABLE = "quarry-unavailable";
    private static final Pattern DOMAIN = Pattern.compile("(\\*\\.)?[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?");

    private StackRenderer() {}

    /**
     * @throws StackTemplateException when the stack's own template does not compile or render, or uses
     *     what a stack template may not
     */
    public static RenderedStack render(StackRoutes routes, RouterSettings settings) throws StackTemplateException {
        List<Map<String, Object>> entries = new ArrayList<>();
        List<Map<String, Object>> upstreams = new ArrayList<>();
        for (NodeRoute node : routes.nodes()) {
            String upstream = upstreamName(routes.stack(), node.node());
            for (String domain : node.domains()) {
                if (!DOMAIN.matcher(domain).matches()) {
                    throw new IllegalArgumentException("stack " + routes.stack() + ": \"" + domain + "\" is not a domain name");
                }
                entries.add(Map.of("domain", domain, "upstream", node.endpoints().isEmpty() ? UNAVAILABLE : upstream));
            }
            upstreams.add(Map.of("name", upstream, "endpoints", endpoints(node.endpoints())));
        }
        String map = Templates.render(Templates.builtIn("stack.map.mustache"), Map.of("entries", entries));
        String conf = Templates.render(Templates.builtIn("stack.conf.mustache"),
                Map.of("stack", routes.stack(), "upstreams", upstreams));
        Optional<StackServer.Rendered> server = Optional.empty();
        if (routes.template().isPresent()) {
            server = StackServer.render(routes, settings);
            conf += server.map(StackServer.Rendered::server).orElse("");
        }
        return new RenderedStack(routes.stack(), map, conf, routes.domains(), routes.template(),
                server.map(StackServer.Rendered::body), routes.https());
    }

    /** The upstream of a node: names have no dots, so {@code stack.node} is unambiguous. */
    public static String upstreamName(String stack, String node) {
        return stack + "." + node;
    }

    static List<Map<String, Object>> endpoints(List<Endpoint> endpoints) {
        return endpoints.stream().<Map<String, Object>>map(it -> Map.of("host", it.host(), "port", it.port())).toList();
    }
}
