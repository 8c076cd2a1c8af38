package dev.quarry.slicegrid.consolidation;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The standard consolidator: the {@link RebuildPass} heuristic over the whole packing (a few variants while
 * time allows, keeping the best), then over its weakest blocks while that frees more, then a
 * {@link Refiner} (OptaPlanner by default) on what is left of the budget. Every move is checked feasible when it is made, so the plan can
 * be applied in order; when the blocks in use do not drop, the plan is empty.
 */
public final class StagedConsolidator implements Consolidator {
    /** Blocks at least this full in their fuller dimension are kept as they are by the later passes. */
    private static final double[] WEAK_FILLS = {0.97, 0.98, 0.99};
    /** How sharply each rebuild favours the scarcer dimension; 64 did best in measurement, the rest are second tries. */
    private static final double[] BALANCE_EXPONENTS = {64, 16, 4, 32};
    /** Kept back from the budget for shortening the moves and writing the plan. */
    private static final Duration FINISHING = Duration.ofMillis(150);

    private final LongSupplier nanoClock;
    private final Refiner refiner;

    public StagedConsolidator(LongSupplier nanoClock, Refiner refiner) {
        this.nanoClock = requireNonNull(nanoClock, "nanoClock is null");
        this.refiner = requireNonNull(refiner, "refiner is null");
    }

    @Override
    public ConsolidationPlan consolidate(Packing packing, Duration budget) {
        Duration reserve = budget.dividedBy(10).compareTo(FINISHING) < 0 ? budget.dividedBy(10) : FINISHING;
        Deadline deadline = Deadline.after(nanoClock, budget.minus(reserve));
        int before = new PackingState(packing).usedBlocks();
        PackingState state = bestRebuild(packing, deadline);
        rebuildWeakBlocks(state, deadline);
        refiner.refine(state, deadline);
        if (state.usedBlocks() >= before) {
            return ConsolidationPlan.nothingBetter(before);
        }
        return new ConsolidationPlan(moves(state), before, state.usedBlocks());
    }

    /**
     * Rebuilds from the start with each balance exponent while time allows (each takes about as long as
     * the first) and keeps the packing with the fewest blocks, then the fewest moves.
     */
    private PackingState bestRebuild(Packing packing, Deadline deadline) {
        PackingState best = null;
        long firstNanos = 0;
        for (double exponent : BALANCE_EXPONENTS) {
            if (best != null && deadline.left().toNanos() < 2 * firstNanos) {
                break;
            }
            long start = nanoClock.getAsLong();
            PackingState candidate = new PackingState(packing);
            new RebuildPass(candidate, exponent).run(deadline);
            firstNanos = firstNanos == 0 ? nanoClock.getAsLong() - start : firstNanos;
            if (best == null || candidate.usedBlocks() < best.usedBlocks()
                    || candidate.usedBlocks() == best.usedBlocks() && candidate.moveCount() < best.moveCount()) {
                best = candidate;
            }
        }
        return best;
    }

    /**
     * Rebuilds only the blocks that are not yet nearly full, again and again while that frees blocks; a
     * pass that frees none is taken back, so it costs no moves.
     */
    private static void rebuildWeakBlocks(PackingState state, Deadline deadline) {
        int idlePasses = 0;
        int lowerBound = state.packing().lowerBound();
        for (int pass = 0; idlePasses < WEAK_FILLS.length && state.usedBlocks() > lowerBound && !deadline.passed(); pass++) {
            int mark = state.moveCount();
            int before = state.usedBlocks();
            new RebuildPass(state, BALANCE_EXPONENTS[0]).keepingBlocksFullerThan(WEAK_FILLS[pass % WEAK_FILLS.length]).run(deadline);
            if (state.usedBlocks() < before) {
                idlePasses = 0;
            } else {
                state.rollback(mark);
                idlePasses++;
            }
        }
    }

    private static List<Move> moves(PackingState state) {
        Packing packing = state.packing();
        int[] triples = MoveShortcuts.shorten(packing, state.moves());
        List<Move> moves = new ArrayList<>(triples.length / 3);
        for (int index = 0; index < triples.length; index += 3) {
            moves.add(new Move(packing.slice(triples[index]).id(), packing.block(triples[index + 1]).id(),
                    packing.block(triples[index + 2]).id()));
        }
        return moves;
    }
}
