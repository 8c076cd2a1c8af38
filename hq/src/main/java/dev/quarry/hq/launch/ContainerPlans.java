package dev.quarry.hq.launch;

import dev.quarry.compiler.spec.NodeSpec;
import dev.quarry.compiler.spec.ServiceSpec;
import dev.quarry.compiler.spec.StackSpec;
import dev.quarry.hq.layout.Layout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The containers a layout means for a stack's spec: services first, then each node's 1..scale. */
public final class ContainerPlans {
    private ContainerPlans() {}

    public static List<ContainerPlan> of(String stack, StackSpec spec, Layout layout) {
        List<ContainerPlan> plans = new ArrayList<>();
        for (Map.Entry<String, Layout.ServiceLayout> entry : layout.services().entrySet()) {
            ServiceSpec service = spec.services().get(entry.getKey());
            if (service != null) {
                plans.add(ContainerPlan.ofService(stack, service, entry.getValue().release()));
            }
        }
        for (Map.Entry<String, Layout.NodeLayout> entry : layout.nodes().entrySet()) {
            plans.addAll(ofNode(stack, spec.nodes().get(entry.getKey()), entry.getValue()));
        }
        return plans;
    }

    /** A node's containers at its layout: {@code stack.node.release.1} to {@code .scale}. */
    public static List<ContainerPlan> ofNode(String stack, NodeSpec node, Layout.NodeLayout layout) {
        List<ContainerPlan> plans = new ArrayList<>();
        if (node != null) {
            for (int index = 1; index <= layout.scale(); index++) {
                plans.add(ContainerPlan.ofNode(stack, node, layout.release(), index));
            }
        }
        return plans;
    }
}
