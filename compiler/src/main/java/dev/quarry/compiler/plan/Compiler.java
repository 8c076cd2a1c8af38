package dev.quarry.compiler.plan;

import dev.quarry.compiler.plan.Instruction.Deploy;
import dev.quarry.compiler.plan.Instruction.Ensure;
import dev.quarry.compiler.plan.Instruction.Kill;
import dev.quarry.compiler.plan.Instruction.Route;
import dev.quarry.compiler.spec.NodeSpec;
import dev.quarry.compiler.spec.ServiceSpec;
import dev.quarry.compiler.spec.StackSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles a stack spec against the previous release into a plan. Pure and deterministic: the same
 * inputs give the same plan.
 *
 * <ul>
 *   <li>ENSURE each service that is new or whose spec hash changed, in dependency order;
 *   <li>DEPLOY each node when the source revision changed (a push), the stack env or its own spec
 *       changed, or a service that publishes env was ensured or killed, in dependency order;
 *   <li>DEPLOY each node being restarted, even when nothing of it changed;
 *   <li>SCALE a node when nothing but its scale (and domains) changed;
 *   <li>ROUTE a node whose domains were added or changed (with the dropped ones as removed);
 *   <li>KILL nodes, then services, that left the file, in reverse dependency order.
 * </ul>
 */
public final class Compiler {
    private Compiler() {}

    /**
     * @param previous the stack as its current release left it, or empty for a new stack
     * @param spec the new spec
     * @param release the number of the release being made
     * @param revision the source revision of the new release (a git commit), or empty when unknown
     */
    public static Plan compile(Optional<Stack> previous, StackSpec spec, int release, String revision) {
        return compile(previous, spec, release, revision, Set.of());
    }

    /**
     * As {@link #compile(Optional, StackSpec, int, String)}, with the nodes named in {@code restarted} deployed
     * anew even when nothing of theirs changed (a restart: new containers replace the running ones).
     */
    public static Plan compile(Optional<Stack> previous, StackSpec spec, int release, String revision,
            Set<String> restarted) {
        StackSpec before = previous.map(Stack::spec).orElse(null);
        boolean sourceChanged = previous.isEmpty() || revision == null || revision.isEmpty()
                || !revision.equals(previous.get().revision());
        List<Instruction> instructions = new ArrayList<>();
        List<Ensure> ensures = ensures(before, spec);
        instructions.addAll(ensures);
        boolean redeployAll = sourceChanged || !spec.env().equals(before.env())
                || publishedEnvChanges(before, spec, ensures);
        List<Instruction> scales = new ArrayList<>();
        for (String name : nodeOrder(spec)) {
            NodeSpec node = spec.nodes().get(name);
            Optional<NodeSpec> old = before == null ? Optional.empty() : before.node(name);
            if (redeployAll || restarted.contains(name) || old.isEmpty() || !sameButScaleAndDomains(old.get(), node)) {
                instructions.add(new Deploy(spec.name(), name, release, node.scale()));
            } else if (old.get().scale() != node.scale()) {
                scales.add(new Instruction.Scale(spec.name(), name, node.scale()));
            }
        }
        instructions.addAll(scales);
        instructions.addAll(routes(before, spec));
        if (before != null) {
            instructions.addAll(kills(before, spec));
        }
        return new Plan(spec.name(), release, revision, instructions);
    }

    /** Domains are the router's business (ROUTE) and scale is SCALE's: neither needs new containers. */
    private static boolean sameButScaleAndDomains(NodeSpec old, NodeSpec node) {
        return old.withScale(0).withDomains(List.of()).equals(node.withScale(0).withDomains(List.of()));
    }

    /** Whether the env that services publish into every node may differ after this plan. */
    private static boolean publishedEnvChanges(StackSpec before, StackSpec spec, List<Ensure> ensures) {
        boolean ensuredPublisher = ensures.stream().anyMatch(ensure ->
                !spec.services().get(ensure.name()).publish().isEmpty()
                        || before.service(ensure.name()).map(old -> !old.publish().isEmpty()).orElse(false));
        boolean killedPublisher = before.services().values().stream()
                .anyMatch(old -> !spec.services().containsKey(old.name()) && !old.publish().isEmpty());
        return ensuredPublisher || killedPublisher;
    }

    private static List<Ensure> ensures(StackSpec before, StackSpec spec) {
        List<Ensure> ensures = new ArrayList<>();
        for (String name : serviceOrder(spec)) {
            ServiceSpec service = spec.services().get(name);
            String hash = SpecHash.of(service);
            boolean same = before != null && before.service(name).map(SpecHash::of).filter(hash::equals).isPresent();
            if (!same) {
                ensures.add(new Ensure(spec.name(), name, hash));
            }
        }
        return ensures;
    }

    private static List<Route> routes(StackSpec before, StackSpec spec) {
        List<Route> routes = new ArrayList<>();
        for (String name : nodeOrder(spec)) {
            List<String> domains = spec.nodes().get(name).domains();
            List<String> old = before == null ? List.of() : before.node(name).map(NodeSpec::domains).orElse(List.of());
            if (!new HashSet<>(domains).equals(new HashSet<>(old))) {
                List<String> removed = old.stream().filter(domain -> !domains.contains(domain)).toList();
                routes.add(new Route(spec.name(), name, domains, removed));
            }
        }
        return routes;
    }

    private static List<Kill> kills(StackSpec before, StackSpec spec) {
        List<Kill> kills = new ArrayList<>();
        for (String name : nodeOrder(before).reversed()) {
            if (!spec.nodes().containsKey(name)) {
                kills.add(new Kill(spec.name(), name, Kill.Kind.NODE));
            }
        }
        for (String name : serviceOrder(before).reversed()) {
            if (!spec.services().containsKey(name)) {
                kills.add(new Kill(spec.name(), name, Kill.Kind.SERVICE));
            }
        }
        return kills;
    }

    static List<String> serviceOrder(StackSpec spec) {
        Map<String, List<String>> depends = new LinkedHashMap<>();
        spec.services().forEach((name, service) -> depends.put(name, service.container().depends()));
        return DependencyOrder.of(new LinkedHashSet<>(spec.services().keySet()), depends);
    }

    static List<String> nodeOrder(StackSpec spec) {
        Map<String, List<String>> depends = new LinkedHashMap<>();
        spec.nodes().forEach((name, node) -> depends.put(name, node.container().depends()));
        return DependencyOrder.of(new LinkedHashSet<>(spec.nodes().keySet()), depends);
    }
}
