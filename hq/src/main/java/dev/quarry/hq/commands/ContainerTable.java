package dev.quarry.hq.commands;

import dev.quarry.agent.runtime.ContainerStatus;
import dev.quarry.agent.runtime.LivenessReport;
import dev.quarry.agent.runtime.ProbeOutcome;
import dev.quarry.hq.grid.GridListing;
import dev.quarry.hq.grid.RunningContainer;
import dev.quarry.hq.state.JsonValues;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What {@code ps} shows on a grid: one row per container of the given apps (one-off commands of {@code run}
 * included, as {@code APP.NODE.run.N}, while they run), as its agent reports it, then a
 * line per note of its agent (such as {@code shop.web.3.1: killed: out of memory (1 time, limit 64 MiB)}).
 */
final class ContainerTable {
    private final List<ContainerRow> rows;
    private final List<String> unreachable;

    /**
     * One container as {@code ps --json} shows it: {@code state} is its phase (booting, warming, up, unhealthy,
     * restarting, stopped, failed; draining for an old release's container about to be removed), or the runtime's state from an agent that does not say; {@code reason} why it
     * last exited, restarted or gave up; {@code liveness} its last probes.
     */
    record ContainerRow(String app, String node, String container, String server, String address, String state,
            int restarts, int release, String runtime, List<String> notes, String reason, LivenessReport liveness) { }

    /** @param draining containers of old releases draining before their removal: their state is {@code draining} */
    ContainerTable(GridListing listing, List<String> apps, java.util.Set<String> draining) {
        this.rows = java.util.stream.Stream.concat(listing.containers().stream(), listing.oneOffs().stream())
                .filter(container -> apps.contains(container.status().stack()))
                .sorted(Comparator.comparing(RunningContainer::id)).map(container -> row(container, draining))
                .toList();
        this.unreachable = listing.unreachable().entrySet().stream()
                .map(entry -> "server " + entry.getKey() + " did not answer: " + entry.getValue()).toList();
    }

    private static ContainerRow row(RunningContainer container, java.util.Set<String> draining) {
        ContainerStatus status = container.status();
        String state = draining.contains(status.id()) ? "draining"
                : word(status.phase() != null ? status.phase().name() : status.state().name());
        return new ContainerRow(status.stack(), status.node(), status.id(), container.server().id(),
                container.address(), state,
                status.restarts(), status.release(), word(status.kind().name()), status.notes(), status.reason(),
                status.liveness());
    }

    /** @param health whether each container's last probes follow its row ({@code ps --health}) */
    void print(PrintWriter out, boolean json, boolean health) {
        if (json) {
            out.println(new String(JsonValues.write(rows), StandardCharsets.UTF_8));
            return;
        }
        if (rows.isEmpty()) {
            out.println("no containers run for these apps on the grid");
        } else {
            List<List<String>> lines = rows.stream().map(row -> List.of(row.app(), row.node(), row.container(),
                    row.server(), row.address(), row.state(), Integer.toString(row.restarts()),
                    Integer.toString(row.release()), row.runtime())).toList();
            out.print(TextTable.render(List.of("APP", "NODE", "CONTAINER", "SERVER", "ADDRESS", "STATE", "RESTARTS",
                    "RELEASE", "RUNTIME"), lines));
        }
        rows.forEach(row -> row.notes().forEach(note -> out.println(row.container() + ": " + note)));
        if (health) {
            rows.forEach(row -> printHealth(out, row));
        }
        unreachable.forEach(out::println);
    }

    private static void printHealth(PrintWriter out, ContainerRow row) {
        if (row.liveness() == null || row.liveness().recent().isEmpty()) {
            out.println(row.container() + " health: not probed yet");
            return;
        }
        out.println(row.container() + " health: " + row.liveness().failuresInARow() + " failed in a row; last "
                + row.liveness().recent().size() + " probes:");
        for (ProbeOutcome probe : row.liveness().recent()) {
            out.println("  " + probe.at() + " " + (probe.passed() ? "pass" : "FAIL") + " " + probe.answer());
        }
    }

    private static String word(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
