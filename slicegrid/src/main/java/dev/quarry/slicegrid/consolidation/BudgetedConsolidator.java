package dev.quarry.slicegrid.consolidation;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The consolidator for a live grid: at most {@code moveBudget} moves, chosen to free the most servers per
 * move, each feasible at its turn, never putting two replicas of a node on one block and never moving a
 * slice onto a block without its tags or one that is draining. Where the {@link StagedConsolidator}
 * rebuilds the whole packing (nearly two moves per slice), this one tries a few small plans and keeps the
 * one freeing the most blocks within the budget (then the one with fewer moves): the lightest k blocks
 * rebuilt among themselves and the room elsewhere ({@link WeakBlocks}), k growing while the rebuild fits
 * the budget; then the best of these, and the grid as it is, each followed by emptying whole blocks
 * cheapest first ({@link EvacuationPass}) with the moves left.
 */
public final class BudgetedConsolidator implements Consolidator {
    // A fifth of the time budget is kept back for reading the grid, shortening the moves and writing the plan.
    private final LongSupplier nanoClock;
    private final int moveBudget;

    public BudgetedConsolidator(LongSupplier nanoClock, int moveBudget) {
        this.nanoClock = requireNonNull(nanoClock, "nanoClock is null");
        if (moveBudget < 0) {
            throw new IllegalArgumentException("the move budget must be 0 or more, got " + moveBudget);
        }
        this.moveBudget = moveBudget;
    }

    public int moveBudget() {
        return moveBudget;
    }

    @Override
    public ConsolidationPlan consolidate(Packing packing, Duration budget) {
        Deadline deadline = Deadline.after(nanoClock, budget.minus(budget.dividedBy(5)));
        int before = new PackingState(packing).usedBlocks();
        Candidate best = candidate(packing, 0, true, deadline);
        int bestWeak = 0;
        Candidate bestRebuild = null;
        int overBudget = 0;
        for (int weak = 2; weak <= before && overBudget < 2 && !deadline.passed(); weak = Math.max(weak + 1, weak * 3 / 2)) {
            Candidate next = candidate(packing, weak, false, deadline);
            if (next == null) {
                overBudget++;
            } else if (next.betterThan(bestRebuild)) {
                bestRebuild = next;
                bestWeak = weak;
            }
        }
        if (bestRebuild != null && !deadline.passed()) {
            Candidate finished = candidate(packing, bestWeak, true, deadline);
            best = finished != null && finished.betterThan(best) ? finished : best;
        }
        if (best == null || best.blocks() >= before) {
            return ConsolidationPlan.nothingBetter(before);
        }
        return new ConsolidationPlan(moves(packing, best.triples()), before, best.blocks());
    }

    /**
     * The lightest {@code weak} blocks rebuilt, then (when asked) evacuations with the moves left; null when
     * the moves are over the budget.
     */
    private Candidate candidate(Packing packing, int weak, boolean evacuate, Deadline deadline) {
        PackingState state = new PackingState(packing);
        int rebuildMoves = 0;
        if (weak > 0) {
            new RebuildPass(state, 64).rebuildingOnly(WeakBlocks.lightest(state, weak)).run(deadline);
            rebuildMoves = MoveShortcuts.shorten(packing, state.moves()).length / 3;
            if (rebuildMoves > moveBudget) {
                return null;
            }
        }
        if (evacuate) {
            new EvacuationPass(state, state.moveCount() + moveBudget - rebuildMoves).run(deadline);
        }
        int[] triples = MoveShortcuts.shorten(packing, state.moves());
        if (triples.length / 3 > moveBudget) {
            return null;
        }
        return new Candidate(state.usedBlocks(), triples);
    }

    private static List<Move> moves(Packing packing, int[] triples) {
        List<Move> moves = new ArrayList<>(triples.length / 3);
        for (int index = 0; index < triples.length; index += 3) {
            moves.add(new Move(packing.slice(triples[index]).id(), packing.block(triples[index + 1]).id(),
                    packing.block(triples[index + 2]).id()));
        }
        return moves;
    }

    /** A plan being compared: blocks in use after it and its moves as (slice, from, to) triples. */
    private record Candidate(int blocks, int[] triples) {
        boolean betterThan(Candidate other) {
            return other == null || blocks < other.blocks || blocks == other.blocks && triples.length < other.triples.length;
        }
    }
}
