package dev.quarry.hq.launch;

import static java.util.Objects.requireNonNull;

/**
 * Keeps this HQ's router serving the routes any HQ of the grid recorded ({@link SharedRoutes}): each round
 * reads every stack's record and gives the router those that differ from what it serves. Run every second,
 * so a router follows a change made through another HQ within about a second plus nginx's reload.
 */
public final class RouteFollower {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RouteFollower.class);

    private final SharedRoutes shared;
    private final Routing routing;

    public RouteFollower(SharedRoutes shared, Routing routing) {
        this.shared = requireNonNull(shared, "shared is null");
        this.routing = requireNonNull(routing, "routing is null");
    }

    /** One round; a stack whose record cannot be read or applied is logged and tried again next round. */
    public void followAll() {
        java.util.List<String> stacks;
        try {
            stacks = shared.stacks();
        } catch (RuntimeException e) {
            LOG.warn("cannot read the grid's routes now: {}; trying again", e.getMessage());
            return;
        }
        for (String stack : stacks) {
            try {
                if (routing.follow(stack, () -> shared.read(stack))) {
                    LOG.info("router: follows the routes of {} another HQ recorded", stack);
                }
            } catch (RuntimeException e) {
                LOG.warn("cannot follow the routes of {} now: {}; trying again", stack, e.getMessage());
            }
        }
    }
}
