package dev.quarry.hq.launch;

import dev.quarry.agent.runtime.ContainerId;
import dev.quarry.compiler.spec.ServiceSpec;
import dev.quarry.compiler.spec.StackSpec;
import dev.quarry.hq.grid.GridListing;
import dev.quarry.hq.grid.RunningContainer;
import dev.quarry.hq.layout.Layout;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A container's environment, each later source winning over the earlier: every running service's
 * {@code publish} values (with {@code ${host}} and {@code ${port}} of where that service runs) except its own,
 * the stack env, then its own env ({@code config set} values are merged into the stack env and every node's
 * env by {@link dev.quarry.hq.release.StackSpecs#configured}, so they win over both).
 * The agent adds HOST and PORT. What a running service publishes is kept ({@link PublishedEnv}); while
 * its server does not answer, the values last kept are used.
 */
public final class ContainerEnv {
    private ContainerEnv() {}

    public static Map<String, String> of(ContainerPlan plan, StackSpec spec, Layout layout, GridListing listing,
            PublishedEnv kept) {
        Map<String, String> env = new LinkedHashMap<>();
        String stack = plan.id().stack();
        for (ServiceSpec service : spec.services().values()) {
            if (!(plan.isService() && service.name().equals(plan.id().node()))) {
                Map<String, String> now = published(stack, service, layout, listing);
                if (!now.isEmpty()) {
                    kept.remember(stack, service.name(), now);
                    env.putAll(now);
                } else if (layout.services().containsKey(service.name()) && !service.publish().isEmpty()) {
                    env.putAll(kept.last(stack, service.name()));
                }
            }
        }
        env.putAll(spec.env());
        env.putAll(plan.container().env());
        return env;
    }

    /** What a service publishes, once its container runs somewhere; empty until then. */
    static Map<String, String> published(String stack, ServiceSpec service, Layout layout, GridListing listing) {
        Layout.ServiceLayout placed = layout.services().get(service.name());
        if (placed == null || service.publish().isEmpty()) {
            return Map.of();
        }
        String id = new ContainerId(stack, service.name(), placed.release(), 1).toString();
        Optional<RunningContainer> running = listing.find(id);
        if (running.isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        service.publish().forEach((key, value) -> values.put(key, value
                .replace("${host}", running.get().status().host())
                .replace("${port}", Integer.toString(running.get().status().port()))));
        return values;
    }
}
