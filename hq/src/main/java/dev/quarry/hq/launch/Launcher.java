package dev.quarry.hq.launch;

/**
 * Makes a release's plan happen on the grid: ENSURE, DEPLOY, SCALE, ROUTE and KILL, streaming a
 * line per step. HQ chooses the implementation in one place (Hq): {@link GridLauncher} on a grid,
 * else {@link PlanPrintingLauncher}.
 */
@FunctionalInterface
public interface Launcher {
    LaunchResult launch(LaunchRequest request, Progress progress);
}
