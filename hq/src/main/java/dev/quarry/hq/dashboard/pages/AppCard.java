package dev.quarry.hq.dashboard.pages;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One app as the apps page lists it.
 *
 * @param app its name
 * @param release its live release, 0 when none
 * @param commit the live release's commit (short)
 * @param deployed when the live release was made
 * @param by who pushed (or scaled, rolled back) it
 * @param nodes its nodes with scale, health and domains
 */
public record AppCard(String app, int release, String commit, String deployed, String by, List<NodeLine> nodes) {
    public AppCard {
        requireNonNull(app, "app is null");
        requireNonNull(commit, "commit is null");
        requireNonNull(deployed, "deployed is null");
        requireNonNull(by, "by is null");
        nodes = List.copyOf(nodes);
    }
}
