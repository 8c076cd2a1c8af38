package dev.quarry.hq.dashboard;

import dev.quarry.compiler.plan.PlanText;
import dev.quarry.compiler.plan.Stack;
import dev.quarry.compiler.spec.NodeSpec;
import dev.quarry.hq.access.AppAction;
import dev.quarry.hq.access.Caller;
import dev.quarry.hq.access.Request;
import dev.quarry.hq.dashboard.pages.AppCard;
import dev.quarry.hq.dashboard.pages.AppDetail;
import dev.quarry.hq.dashboard.pages.ContainerLine;
import dev.quarry.hq.dashboard.pages.NodeLine;
import dev.quarry.hq.dashboard.pages.ReleaseLine;
import dev.quarry.hq.grid.GridListing;
import dev.quarry.hq.grid.RunningContainer;
import dev.quarry.hq.release.DeployFeed;
import dev.quarry.hq.release.Release;
import dev.quarry.hq.release.StackRecord;
import dev.quarry.hq.release.StackSpecs;
import dev.quarry.hq.release.StackState;
import dev.quarry.hq.state.StateException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The apps' side of the pages, read for one caller: only the apps its key reaches, as {@code apps},
 * {@code releases} and {@code ps APP} would show them to it.
 */
public final class DashboardData {
    private final StackState state;
    private final DeployFeed feed;
    private final ListingCache listings;
    private final List<String> actions;
    private final Map<String, List<NodeSpec>> nodesOfRelease = new ConcurrentHashMap<>();

    /** @param actions the verbs the app page offers ({@code scale}, {@code rollback}, {@code restart} when HQ has it) */
    DashboardData(StackState state, DeployFeed feed, ListingCache listings, List<String> actions) {
        this.state = state;
        this.feed = feed;
        this.listings = listings;
        this.actions = List.copyOf(actions);
    }

    /** Every app the caller reaches, by name. */
    public List<AppCard> apps(Caller caller) {
        GridListing listing = listings.listing();
        List<AppCard> cards = new ArrayList<>();
        for (String name : state.names()) {
            if (caller.reaches(name)) {
                card(name, listing).ifPresent(cards::add);
            }
        }
        return cards;
    }

    /** One app with its releases and containers; empty when it does not exist or the caller may not see it. */
    public Optional<AppDetail> app(Caller caller, String app) {
        if (caller.refusal(new Request.OnApp(app, AppAction.SEE_RELEASES)).isPresent()) {
            return Optional.empty();
        }
        GridListing listing = listings.listing();
        Optional<AppCard> card = card(app, listing);
        if (card.isEmpty()) {
            return Optional.empty();
        }
        int live = card.get().release();
        List<ReleaseLine> releases = state.releases(app).reversed().stream().map(release -> line(app, live, release))
                .toList();
        List<ContainerLine> containers = listing.ofStack(app).stream().sorted(Comparator.comparing(RunningContainer::id))
                .map(DashboardData::container).toList();
        List<String> allowed = actions.stream().filter(action -> caller.refusal(new Request.OnApp(app,
                action.equals("rollback") ? AppAction.ROLL_BACK : AppAction.SCALE)).isEmpty()).toList();
        return Optional.of(new AppDetail(card.get(), releases, containers, allowed, feed.lines(app)));
    }

    private Optional<AppCard> card(String app, GridListing listing) {
        Optional<StackRecord> stack;
        try {
            stack = state.stack(app).map(stored -> stored.value());
        } catch (StateException e) {
            return Optional.of(new AppCard(app, 0, "", "cannot be read: " + e.getMessage(), "", List.of()));
        }
        if (stack.isEmpty()) {
            return Optional.empty();
        }
        Optional<Release> current = stack.get().hasCurrent() ? state.release(app, stack.get().current())
                : Optional.empty();
        if (current.isEmpty()) {
            return Optional.of(new AppCard(app, 0, "", "", "", List.of()));
        }
        Release release = current.get();
        List<NodeLine> nodes = nodes(app, release).stream().map(node -> new NodeLine(node.name(), node.scale(),
                running(listing, app, node.name()), node.domains(), limits(node))).toList();
        return Optional.of(new AppCard(app, release.number(), release.shortCommit(), show(release.created()),
                release.by(), nodes));
    }

    private List<NodeSpec> nodes(String app, Release release) {
        return nodesOfRelease.computeIfAbsent(app + "@" + release.number(), key -> StackSpecs.rebuild(state, app,
                release).map(Stack::spec).map(spec -> List.copyOf(spec.nodes().values())).orElse(List.of()));
    }

    private static int running(GridListing listing, String app, String node) {
        return (int) listing.ofStack(app).stream().filter(container -> container.status().node().equals(node)
                && container.status().state().isActive()).count();
    }

    private static String limits(NodeSpec node) {
        return (node.container().memory() == null ? "-" : node.container().memory().toString()) + ", "
                + (node.container().cpu() == null ? "-" : node.container().cpu() + " cpu");
    }

    private ReleaseLine line(String app, int live, Release release) {
        String status = release.number() == live ? "live" : release.status().name().toLowerCase(Locale.ROOT);
        List<String> plan;
        try {
            plan = state.plan(app, release.number()).instructions().stream().map(PlanText::line).toList();
        } catch (RuntimeException e) {
            plan = List.of("(plan cannot be read: " + e.getMessage() + ")");
        }
        return new ReleaseLine(release.number(), status, release.shortCommit(), release.by(), show(release.created()),
                release.reason(), plan);
    }

    private static ContainerLine container(RunningContainer container) {
        return new ContainerLine(container.id(), container.status().node(), container.server().id(),
                container.address(), (container.status().phase() != null ? container.status().phase().name()
                        : container.status().state().name()).toLowerCase(Locale.ROOT),
                container.status().restarts(), container.status().release(), container.status().notes());
    }

    static String show(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
