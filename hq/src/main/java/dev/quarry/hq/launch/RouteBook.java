package dev.quarry.hq.launch;

import dev.quarry.router.model.StackRoutes;

/**
 * Where the routes a router was given are recorded for the other HQs' routers to follow: nowhere with one
 * HQ ({@link #NONE}), the state store with several ({@link SharedRoutes}).
 */
public interface RouteBook {
    /** Records nothing: HQ is alone. */
    RouteBook NONE = routes -> { };

    /** Records {@code routes} (with their template) as the stack's routes now, over whatever was there. */
    void record(StackRoutes routes);

    /** Removes the record of a destroyed stack, if any. */
    default void forget(String stack) { }
}
