package dev.quarry.hq.dashboard;

import dev.quarry.hq.access.AccessControl;
import dev.quarry.hq.commands.Verbs;
import dev.quarry.hq.grid.Grid;
import dev.quarry.hq.release.DeployFeed;
import dev.quarry.hq.release.StackState;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * HQ's dashboard, assembled: bound first (so the {@code dashboard} verb knows its address), then served with HQ's
 * verbs, which include that verb.
 */
public final class Dashboard implements AutoCloseable {
    private final DashboardServer server;
    private final LoginLinks links;

    private Dashboard(DashboardServer server, LoginLinks links) {
        this.server = server;
        this.links = links;
    }

    public static Dashboard bind(InetSocketAddress listen, Clock clock) throws IOException {
        LoginLinks links = new LoginLinks(clock);
        return new Dashboard(DashboardServer.bind(listen, links, new DashboardSessions(clock)), links);
    }

    /** The {@code dashboard} verb printing this dashboard's one-time links. */
    public DashboardVerb verb() {
        return new DashboardVerb(links, server.address());
    }

    /** Starts answering: pages over HQ's state, its deploys in progress and grid, actions through {@code verbs}. */
    public void serve(StackState state, DeployFeed feed, Optional<Grid> grid, AccessControl access, Verbs verbs, Clock clock) {
        ListingCache listings = new ListingCache(grid, clock);
        List<String> actions = Verbs.NAMES.contains("restart") ? List.of("scale", "rollback", "restart")
                : List.of("scale", "rollback");
        DashboardPages pages = new DashboardPages(new DashboardData(state, feed, listings, actions),
                new GridData(grid, listings));
        server.serve(new DashboardServer.Parts(access, pages, new DashboardActions(verbs)));
    }

    public String address() {
        return server.address();
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}
