package dev.quarry.router.bench;

import dev.quarry.router.apply.ApplyResult;
import dev.quarry.router.apply.Router;
import dev.quarry.router.model.Endpoint;
import dev.quarry.router.model.NodeRoute;
import dev.quarry.router.model.RouterSettings;
import dev.quarry.router.model.StackRoutes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes N domains through a fresh router and measures one apply of all of them (render, stage,
 * nginx -t, swap, reload until served), then one apply that changes a single stack while all N are
 * live (what one deploy costs at that size), and nginx's resident memory. Domains are spread over stacks of 100 nodes with 10 domains each, as many small
 * apps would have them.
 */
public final class RouterBenchmark {
    private static final int DOMAINS_PER_NODE = 10;
    private static final int NODES_PER_STACK = 100;

    /** One line of figures. */
    public record Figures(int domains, int routed, ApplyResult.Applied all, ApplyResult.Applied oneStack,
            long residentKibibytes) {
        @Override
        public String toString() {
            return String.format("domains=%d apply_all_ms=%d validate_ms=%d reload_ms=%d apply_one_stack_ms=%d"
                    + " nginx_rss_mib=%.1f", domains, all.took().toMillis(), all.validate().toMillis(),
                    all.reload().toMillis(), oneStack.took().toMillis(), residentKibibytes / 1024.0);
        }
    }

    private RouterBenchmark() {}

    /** Applies all N domains in one change, then changes one stack of up to 1,000 domains. */
    public static Figures run(int domains, Path prefix, int port) throws IOException, InterruptedException {
        List<StackRoutes> stacks = stacks(domains);
        try (Router router = Router.start(prefix, RouterSettings.local(port))) {
            ApplyResult.Applied all = applied(router.applyAll(stacks));
            ApplyResult.Applied one = applied(router.apply(stacks.get(0)));
            int routed = router.routedDomains().values().stream().mapToInt(List::size).sum();
            return new Figures(domains, routed, all, one, router.residentKibibytes());
        }
    }

    private static List<StackRoutes> stacks(int domains) {
        List<StackRoutes> stacks = new ArrayList<>();
        List<NodeRoute> nodes = new ArrayList<>();
        int made = 0;
        while (made < domains) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < DOMAINS_PER_NODE && made < domains; i++, made++) {
                names.add("app" + made + ".bench.example.com");
            }
            nodes.add(new NodeRoute("node" + nodes.size(), names,
                    List.of(new Endpoint("127.0.0.1", 20000 + made % 1000), new Endpoint("127.0.0.1", 21000 + made % 1000))));
            if (nodes.size() == NODES_PER_STACK || made == domains) {
                stacks.add(new StackRoutes("stack" + stacks.size(), nodes));
                nodes = new ArrayList<>();
            }
        }
        return stacks;
    }

    private static ApplyResult.Applied applied(ApplyResult result) throws IOException {
        if (result instanceof ApplyResult.Applied applied) {
            return applied;
        }
        throw new IOException("the benchmark's change was refused: " + ((ApplyResult.Refused) result).reason());
    }
}
