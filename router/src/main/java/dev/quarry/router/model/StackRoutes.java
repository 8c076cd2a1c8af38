package dev.quarry.router.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the router serves for one stack.
 *
 * @param stack the stack's name
 * @param nodes its routed nodes
 * @param template the stack's own Mustache template (its repository's {@code .quarry/nginx.mustache}),
 *     rendered after the stack's upstreams; empty for the default
 * @param https what its domains do over HTTP once they have a certificate (quarry.yml's {@code https:})
 */
public record StackRoutes(String stack, List<NodeRoute> nodes, Optional<String> template, HttpsMode https) {
    /** Stack and node names, as the compiler checks them; they become file and upstream names. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public StackRoutes {
        requireNonNull(stack, "stack is null");
        requireNonNull(template, "template is null");
        requireNonNull(https, "https is null");
        nodes = List.copyOf(nodes);
        if (!NAME.matcher(stack).matches()) {
            throw new IllegalArgumentException("stack name must match " + NAME + ", got \"" + stack + "\"");
        }
        for (NodeRoute node : nodes) {
            if (!NAME.matcher(node.node()).matches()) {
                throw new IllegalArgumentException("node name must match " + NAME + ", got \"" + node.node() + "\"");
            }
        }
    }

    /** Redirecting to HTTPS once a domain has a certificate. */
    public StackRoutes(String stack, List<NodeRoute> nodes, Optional<String> template) {
        this(stack, nodes, template, HttpsMode.REDIRECT);
    }

    public StackRoutes(String stack, List<NodeRoute> nodes) {
        this(stack, nodes, Optional.empty());
    }

    public StackRoutes withHttps(HttpsMode mode) {
        return new StackRoutes(stack, nodes, template, mode);
    }

    public List<String> domains() {
        return nodes.stream().flatMap(node -> node.domains().stream()).toList();
    }
}
