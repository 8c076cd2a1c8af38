package dev.quarry.hq.launch;

import java.util.List;

/**
 * The launcher of an HQ started without a grid ({@code --router}): the push is compiled, recorded and
 * its plan printed, and the pusher is told that nothing runs and how to start HQ so that it does.
 */
public final class PlanPrintingLauncher implements Launcher {
    /** The closing words of a push to an HQ without a grid. */
    public static final String NOTHING_RUNS =
            "recorded; nothing runs: HQ has no grid (start it with --router ADDR:PORT to run containers)";

    @Override
    public LaunchResult launch(LaunchRequest request, Progress progress) {
        return new LaunchResult.Launched(List.of(), NOTHING_RUNS);
    }
}
