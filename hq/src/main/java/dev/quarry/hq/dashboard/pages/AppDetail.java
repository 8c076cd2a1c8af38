package dev.quarry.hq.dashboard.pages;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the page of one app shows.
 *
 * @param card its live release and nodes
 * @param releases the kept releases, newest first
 * @param containers its containers on the grid
 * @param actions the verbs the caller may run on it from the page ({@code scale}, {@code rollback}, {@code restart})
 * @param deploying the progress lines of its deploy in progress, as the pusher sees them; empty when none runs
 */
public record AppDetail(AppCard card, List<ReleaseLine> releases, List<ContainerLine> containers,
        List<String> actions, List<String> deploying) {
    public AppDetail {
        requireNonNull(card, "card is null");
        releases = List.copyOf(releases);
        containers = List.copyOf(containers);
        actions = List.copyOf(actions);
        deploying = List.copyOf(deploying);
    }
}
