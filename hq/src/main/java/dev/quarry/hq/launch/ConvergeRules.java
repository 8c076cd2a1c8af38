package dev.quarry.hq.launch;

import dev.quarry.hq.grid.GridListing;
import dev.quarry.hq.grid.RunningContainer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What converging a stack decides, pure: from the containers that should run, what the agents report and
 * where each container's room is reserved, which containers to start and which to remove. {@link Converger}
 * carries the decisions out.
 */
final class ConvergeRules {
    private ConvergeRules() {}

    /**
     * The plans to start: those that run nowhere (or no longer run) as far as the agents say; a container
     * whose room is reserved on a server whose agent does not answer is unknown, not missing, and is left
     * alone (a server taken off the grid reserves nothing, so its containers are missing and start elsewhere).
     *
     * @param reservedOn the server a container's room is reserved on, by container id
     */
    static List<ContainerPlan> missing(List<ContainerPlan> plans, GridListing listing,
            Function<String, Optional<String>> reservedOn) {
        return plans.stream().filter(plan -> {
            String id = plan.id().toString();
            boolean unknown = reservedOn.apply(id).map(listing::isUnknown).orElse(false);
            Optional<RunningContainer> found = listing.find(id);
            return !unknown && (found.isEmpty() || !found.get().status().state().isActive());
        }).toList();
    }

    /** The stack's containers the agents report that no plan wants (old releases, scaled down, leftovers). */
    static List<RunningContainer> orphans(String stack, List<ContainerPlan> desired, GridListing listing) {
        Set<String> wanted = desired.stream().map(plan -> plan.id().toString()).collect(Collectors.toSet());
        return listing.ofStack(stack).stream().filter(container -> !wanted.contains(container.id())).toList();
    }
}
