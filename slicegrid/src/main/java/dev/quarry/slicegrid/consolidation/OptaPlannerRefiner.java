package dev.quarry.slicegrid.consolidation;

import dev.quarry.slicegrid.consolidation.solver.PackingSolution;
import dev.quarry.slicegrid.consolidation.solver.SubproblemSolver;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * OptaPlanner behind the {@link Refiner} interface. A small grid is solved whole, starting from where the
 * slices are before consolidation, so the solver can also keep moves few; its answer replaces the rebuilt
 * one when it uses fewer blocks, or as many with fewer moves. A large grid gets large-neighbourhood
 * rounds instead: some of the lightest blocks plus random partners, kept when they free a block. Either
 * answer must be reachable by feasible moves ({@link MoveOrdering}). The solver runs on its own thread
 * and is stopped at the deadline, however slow loading it was.
 */
final class OptaPlannerRefiner implements Refiner {
    /** Up to this many slices, the whole grid is one problem. */
    static final int WHOLE_GRID_SLICES = 400;
    private static final Duration ROUND = Duration.ofMillis(250);
    private static final Duration SHORTEST_ROUND = Duration.ofMillis(40);

    private final SubproblemSolver solver = new SubproblemSolver();
    private final SplittableRandom random;
    private final int lightBlocks;
    private final int partnerBlocks;
    /**
     * Time a solve takes beyond its own budget (loading OptaPlanner, building the solver, copying the
     * answer): guessed high for the first solve in a fresh process, then learnt from each solve.
     */
    private Duration overhead = Duration.ofMillis(600);

    OptaPlannerRefiner(long seed, int lightBlocks, int partnerBlocks) {
        this.random = new SplittableRandom(seed);
        this.lightBlocks = lightBlocks;
        this.partnerBlocks = partnerBlocks;
    }

    @Override
    public void refine(PackingState state, Deadline deadline) {
        if (state.packing().sliceCount() <= WHOLE_GRID_SLICES) {
            solveWhole(state, deadline);
        } else {
            solveRounds(state, deadline);
        }
    }

    private void solveWhole(PackingState state, Deadline deadline) {
        Duration budget = deadline.left().minus(overhead);
        if (budget.compareTo(SHORTEST_ROUND) < 0) {
            return;
        }
        PackingState fresh = new PackingState(state.packing());
        Subproblem whole = new Subproblem(fresh, IntStream.range(0, state.packing().blockCount()).toArray());
        PackingSolution solved = timedSolve(whole.solution(), budget, deadline);
        if (solved == null || !Subproblem.isFeasible(solved) || !MoveOrdering.realize(fresh, Subproblem.targets(solved))) {
            return;
        }
        int freshMoves = MoveShortcuts.shorten(state.packing(), fresh.moves()).length;
        int currentMoves = MoveShortcuts.shorten(state.packing(), state.moves()).length;
        if (fresh.usedBlocks() < state.usedBlocks() || fresh.usedBlocks() == state.usedBlocks() && freshMoves < currentMoves) {
            state.replaceWith(fresh);
        }
    }

    private void solveRounds(PackingState state, Deadline deadline) {
        int lowerBound = state.packing().lowerBound();
        while (state.usedBlocks() > lowerBound) {
            Duration budget = deadline.left().minus(overhead);
            if (budget.compareTo(SHORTEST_ROUND) < 0) {
                return;
            }
            int[] blocks = NeighbourhoodChoice.lightestWithPartners(state, lightBlocks, partnerBlocks, random);
            Subproblem subproblem = new Subproblem(state, blocks);
            PackingSolution solved = timedSolve(subproblem.solution(), budget.compareTo(ROUND) < 0 ? budget : ROUND, deadline);
            if (solved != null && Subproblem.isFeasible(solved) && Subproblem.usedBlocks(solved) < subproblem.usedBlocks()) {
                int mark = state.moveCount();
                if (!MoveOrdering.realize(state, Subproblem.targets(solved))) {
                    state.rollback(mark);
                }
            }
        }
    }

    /** The solver's answer, or null when it was not ready by the deadline; learns the overhead as it goes. */
    private PackingSolution timedSolve(PackingSolution problem, Duration budget, Deadline deadline) {
        long start = deadline.nanoClock().getAsLong();
        PackingSolution solved = solver.solveWithin(problem, budget, random.nextLong(), deadline.left()).orElse(null);
        Duration spent = Duration.ofNanos(deadline.nanoClock().getAsLong() - start);
        overhead = spent.minus(budget).compareTo(Duration.ofMillis(20)) < 0 ? Duration.ofMillis(20) : spent.minus(budget);
        return solved;
    }
}
