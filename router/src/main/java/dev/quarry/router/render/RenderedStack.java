package dev.quarry.router.render;

import static java.util.Objects.requireNonNull;

import dev.quarry.router.model.HttpsMode;
import java.util.List;
import java.util.Optional;

/**
 * One stack's part of the nginx configuration.
 *
 * @param stack the stack's name
 * @param map the lines of the host-to-upstream map ({@code stacks/STACK.map})
 * @param conf its upstreams and, with its own template, its server blocks ({@code stacks/STACK.conf})
 * @param domains the domains it routes
 * @param template the stack's own template as given, kept beside the live configuration
 *     ({@code stacks/STACK.template}) so the router can tell which template is live
 * @param body with its own template: the inside of its server block ({@code stacks/STACK.body}), which
 *     the HTTPS server of each of its certified domains includes
 * @param https what its certified domains do over plain HTTP ({@code stacks/STACK.https})
 */
public record RenderedStack(String stack, String map, String conf, List<String> domains, Optional<String> template,
        Optional<String> body, HttpsMode https) {
    public RenderedStack {
        requireNonNull(stack, "stack is null");
        requireNonNull(map, "map is null");
        requireNonNull(conf, "conf is null");
        domains = List.copyOf(domains);
        requireNonNull(template, "template is null");
        requireNonNull(body, "body is null");
        requireNonNull(https, "https is null");
    }
}
