package dev.quarry.compiler.spec;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One of the app's processes, redeployed on every push.
 *
 * @param name the node's name
 * @param container how it runs
 * @param dockerfile the Dockerfile to build its image from, relative to the repository root, or null
 * @param build commands run once per release in the release's source (process runtime)
 * @param domains the domains routed to it
 * @param scale how many containers run
 * @param releaseHook a command run once per release before DEPLOY, or null
 */
public record NodeSpec(
        String name,
        ContainerSpec container,
        String dockerfile,
        List<String> build,
        List<String> domains,
        int scale,
        String releaseHook) {

    public static final int MAX_SCALE = 1000;

    public NodeSpec {
        requireNonNull(name, "name is null");
        requireNonNull(container, "container is null");
        build = List.copyOf(build);
        domains = List.copyOf(domains);
        if (scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale must be from 0 to " + MAX_SCALE + ", got " + scale);
        }
    }

    /** Docker when it names an image or a Dockerfile, else plain processes. */
    public RuntimeKind runtime() {
        return container.image() != null || dockerfile != null ? RuntimeKind.DOCKER : RuntimeKind.PROCESS;
    }

    /** Whether the router sends domains to it. */
    public boolean routed() {
        return !domains.isEmpty();
    }

    public NodeSpec withScale(int newScale) {
        return new NodeSpec(name, container, dockerfile, build, domains, newScale, releaseHook);
    }

    public NodeSpec withDomains(List<String> newDomains) {
        return new NodeSpec(name, container, dockerfile, build, newDomains, scale, releaseHook);
    }
}
