package dev.quarry.router.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One routed node: its domains and the endpoints of its healthy containers. A node with no endpoints
 * answers 503 until it has some.
 */
public record NodeRoute(String node, List<String> domains, List<Endpoint> endpoints) {
    public NodeRoute {
        requireNonNull(node, "node is null");
        domains = List.copyOf(domains);
        endpoints = List.copyOf(endpoints);
    }
}
