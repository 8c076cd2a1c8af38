package dev.quarry.router.render;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One stack's part of the nginx configuration.
 *
 * @param stack the stack's name
 * @param map the lines of the host-to-upstream map ({@code stacks/STACK.map})
 * @param conf its upstreams and, with its own template, its server blocks ({@code stacks/STACK.conf})
 * @param domains the domains it routes
 */
public record RenderedStack(String stack, String map, String conf, List<String> domains) {
    public RenderedStack {
        requireNonNull(stack, "stack is null");
        requireNonNull(map, "map is null");
        requireNonNull(conf, "conf is null");
        domains = List.copyOf(domains);
    }
}
