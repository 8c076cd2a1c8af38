package dev.quarry.hq.launch;

import dev.quarry.compiler.spec.NodeSpec;
import dev.quarry.compiler.spec.StackSpec;
import dev.quarry.hq.grid.GridListing;
import dev.quarry.hq.grid.RunningContainer;
import dev.quarry.hq.layout.Layout;
import dev.quarry.hq.state.StateException;
import dev.quarry.router.apply.ApplyResult;
import dev.quarry.router.apply.Router;
import dev.quarry.router.model.Endpoint;
import dev.quarry.router.model.NodeRoute;
import dev.quarry.router.model.StackRoutes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stack's routes through the router: each routed node's domains to the running containers its
 * layout names. A change is applied only when the routes differ from what this HQ last applied, and
 * the router answers only once nginx serves it. The stack's template changes only by {@link #switchTo},
 * when a healthy release goes live; otherwise the live one is kept.
 */
public final class Routing {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Routing.class);
    private final Router router;
    private final int publicPort;
    private final RouteBook book;
    private final ContainerProbe probe;
    /** How often {@link #followHealth} runs: an unhealthy container leaves the router within about this. */
    public static final java.time.Duration HEALTH_PERIOD = java.time.Duration.ofSeconds(1);
    private final Map<String, StackRoutes> applied = new ConcurrentHashMap<>();
    private final Map<String, Object> stackLocks = new ConcurrentHashMap<>();
    private final Map<String, RoutedLayout> routedLayouts = new ConcurrentHashMap<>();

    /** What a stack was last routed from by this HQ, so its routes can follow its containers' health. */
    private record RoutedLayout(StackSpec spec, Layout layout) {}

    /** @param publicPort the port the router listens on, for the addresses shown to users */
    public Routing(Router router, int publicPort) {
        this(router, publicPort, RouteBook.NONE, ContainerProbe.TCP);
    }

    /** @param book where the routes this HQ applies are recorded for the other HQs' routers */
    public Routing(Router router, int publicPort, RouteBook book) {
        this(router, publicPort, book, ContainerProbe.TCP);
    }

    /** @param probe asks a container whose agent does not answer whether it still answers itself */
    public Routing(Router router, int publicPort, ContainerProbe probe) {
        this(router, publicPort, RouteBook.NONE, probe);
    }

    private Routing(Router router, int publicPort, RouteBook book, ContainerProbe probe) {
        this.router = router;
        this.publicPort = publicPort;
        this.book = book;
        this.probe = probe;
    }

    /**
     * Gives the router the stack's routes as recorded by whichever HQ routed it last ({@code recorded} is read
     * under the stack's routing lock, so a change this HQ makes meanwhile is never undone by an older record);
     * nothing happens when they are what this router already serves. Answers whether the router changed.
     */
    public boolean follow(String stack, java.util.function.Supplier<Optional<StackRoutes>> recorded) {
        synchronized (lockOf(stack)) {
            Optional<StackRoutes> routes = recorded.get();
            if (routes.isEmpty() || routes.get().equals(applied.get(stack))) {
                return false;
            }
            give(routes.get());
            applied.put(stack, routes.get());
            return true;
        }
    }

    /**
     * Routes the stack to what runs of its layout, with the template that is live: a deploy in progress,
     * a rollback and the reconciler never change the template. A refusal fails the launch.
     */
    public StackRoutes apply(String stack, StackSpec spec, Layout layout, GridListing listing) {
        synchronized (lockOf(stack)) {
            routedLayouts.put(stack, new RoutedLayout(spec, layout));
            return apply(routes(stack, spec, layout, listing, liveTemplate(stack), probe));
        }
    }

    /** Stops following the health of a stack that is gone (destroyed): its routes are no longer this HQ's. */
    public void forget(String stack) {
        synchronized (lockOf(stack)) {
            routedLayouts.remove(stack);
        }
    }

    /**
     * Takes a destroyed stack out of the router (its domains, its template) and out of the recorded routes, and
     * stops following it. A router that does not take the change fails with a {@link LaunchFailure}.
     */
    public void drop(String stack) {
        synchronized (lockOf(stack)) {
            forget(stack);
            give(new StackRoutes(stack, List.of(), Optional.empty()));
            applied.remove(stack);
            book.forget(stack);
        }
    }

    /**
     * Routes every stack this HQ routed again from the layout it last used and a fresh listing, when what is
     * routable changed: a container its agent reports unhealthy leaves the router, one up again comes back.
     * Run every {@link #HEALTH_PERIOD}; the listing is asked only when a stack is routed. Answers how many
     * stacks' routes changed.
     */
    public int followHealth(java.util.function.Supplier<GridListing> lister) {
        if (routedLayouts.isEmpty()) {
            return 0;
        }
        GridListing listing = lister.get();
        int changed = 0;
        for (Map.Entry<String, RoutedLayout> entry : routedLayouts.entrySet()) {
            String stack = entry.getKey();
            synchronized (lockOf(stack)) {
                RoutedLayout routed = routedLayouts.get(stack);
                StackRoutes current = applied.get(stack);
                if (routed != entry.getValue() || current == null || current.nodes().isEmpty()) {
                    continue;
                }
                StackRoutes fresh = routes(stack, routed.spec(), routed.layout(), listing, current.template(), probe);
                if (!fresh.equals(current)) {
                    LOG.info("router: {} follows its containers' health", stack);
                    apply(fresh);
                    changed++;
                }
            }
        }
        return changed;
    }

    /**
     * Routes the stack as {@link #apply} with the template of {@code source} ({@code .quarry/nginx.mustache}):
     * only when a healthy release becomes live.
     */
    public StackRoutes switchTo(String stack, StackSpec spec, Layout layout, GridListing listing, Path source) {
        synchronized (lockOf(stack)) {
            routedLayouts.put(stack, new RoutedLayout(spec, layout));
            return apply(routes(stack, spec, layout, listing, RouterTemplateFile.read(source), probe));
        }
    }

    private StackRoutes apply(StackRoutes routes) {
        String stack = routes.stack();
        synchronized (lockOf(stack)) {
            if (routes.equals(applied.get(stack))) {
                return routes;
            }
            give(routes);
            try {
                book.record(routes);
            } catch (StateException e) {
                LOG.warn("routed {}, but the other HQs' routers are not told yet ({}); telling them when it is routed"
                        + " again", stack, e.getMessage());
                applied.remove(stack);
                return routes;
            }
            applied.put(stack, routes);
            return routes;
        }
    }

    private Object lockOf(String stack) {
        return stackLocks.computeIfAbsent(stack, name -> new Object());
    }

    /** Hands the routes to the router; a refusal or failure is the launch's failure. */
    private void give(StackRoutes routes) {
        String stack = routes.stack();
        try {
            ApplyResult result = routes.nodes().isEmpty() ? dropIfRouted(stack) : router.apply(routes);
            if (result instanceof ApplyResult.Refused refused) {
                throw new LaunchFailure("the router refused the routes of " + stack + ": " + refused.reason()
                        + "; fix the domains or .quarry/nginx.mustache and push again", List.of());
            }
        } catch (IOException e) {
            throw new LaunchFailure("the router could not change the routes of " + stack + ": " + e.getMessage()
                    + "; see the router's logs/error.log under HQ's home", List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchFailure("interrupted while routing " + stack, List.of());
        }
    }

    private ApplyResult dropIfRouted(String stack) throws IOException, InterruptedException {
        if (router.routedDomains().containsKey(stack)) {
            return router.remove(stack);
        }
        return new ApplyResult.Applied(0, java.time.Duration.ZERO, java.time.Duration.ZERO, java.time.Duration.ZERO);
    }

    /** Where users reach the stack: {@code http://DOMAIN} (with the router's port when it is not 80). */
    public List<String> addresses(StackSpec spec) {
        String port = publicPort == 80 ? "" : ":" + publicPort;
        return spec.nodes().values().stream().flatMap(node -> node.domains().stream())
                .map(domain -> "http://" + domain + port).toList();
    }

    private Optional<String> liveTemplate(String stack) {
        try {
            return router.liveTemplate(stack);
        } catch (IOException e) {
            throw new LaunchFailure("the router cannot read the live template of " + stack + ": " + e.getMessage(),
                    List.of());
        }
    }

    /**
     * The stack's routes: each container of the layout that its agent reports running, or, when its agent
     * does not answer, that its agent last reported and that still answers the probe itself (routes follow
     * the containers' health, not their agents').
     */
    static StackRoutes routes(String stack, StackSpec spec, Layout layout, GridListing listing,
            Optional<String> template, ContainerProbe probe) {
        List<NodeRoute> nodes = new ArrayList<>();
        for (NodeSpec node : spec.nodes().values()) {
            Layout.NodeLayout placed = layout.nodes().get(node.name());
            if (!node.routed() || placed == null) {
                continue;
            }
            List<Endpoint> endpoints = new ArrayList<>();
            for (ContainerPlan plan : ContainerPlans.ofNode(stack, node, placed)) {
                String id = plan.id().toString();
                Optional<RunningContainer> found = listing.find(id).filter(Routing::serving)
                        .or(() -> listing.findLastSeen(id).filter(Routing::serving)
                                .filter(away -> probe.answers(away.status().host(), away.status().port())));
                found.ifPresent(serving -> endpoints.add(new Endpoint(serving.status().host(),
                        serving.status().port())));
            }
            nodes.add(new NodeRoute(node.name(), node.domains(), endpoints));
        }
        return new StackRoutes(stack, nodes, template);
    }

    /** It runs and its agent says it is up (not booting, warming or unhealthy), or says nothing of its phase. */
    private static boolean serving(RunningContainer container) {
        return container.status().routable();
    }
}
