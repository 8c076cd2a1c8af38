package dev.quarry.slicegrid.consolidation.solver;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.score.director.ScoreDirectorFactoryConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * Runs OptaPlanner's local search (tabu search over its default change and swap moves) on a packing whose
 * slices all start on a block, scored by the {@link PackingConstraints} streams, within a time budget.
 * The configuration is built in code; no XML.
 */
public final class SubproblemSolver {
    /** Slices just moved may not move again for this many steps. */
    private static final int TABU_SLICES = 7;
    /** Moves looked at per step; the best of them is taken even when it is worse, so the search can climb out. */
    private static final int MOVES_PER_STEP = 500;
    private static final Duration GRACE = Duration.ofMillis(100);

    /** The best solution found within the budget; the problem itself is left unchanged. */
    public PackingSolution solve(PackingSolution problem, Duration budget, long seed) {
        return SolverFactory.<PackingSolution>create(solvingConfig(budget, seed)).buildSolver().solve(problem);
    }

    /**
     * Like {@link #solve}, on a thread of its own, waiting about {@code waitAtMost} in all, however long
     * loading OptaPlanner and building the solver take: shortly before that the search is told to stop and
     * its best so far is taken; empty when even that is not ready.
     */
    public Optional<PackingSolution> solveWithin(PackingSolution problem, Duration budget, long seed, Duration waitAtMost) {
        AtomicReference<Solver<PackingSolution>> running = new AtomicReference<>();
        CompletableFuture<PackingSolution> result = new CompletableFuture<>();
        Thread worker = Thread.ofPlatform().daemon().name("slicegrid-solver").unstarted(() -> {
            try {
                Solver<PackingSolution> solver = SolverFactory.<PackingSolution>create(solvingConfig(budget, seed)).buildSolver();
                running.set(solver);
                result.complete(result.isDone() ? null : solver.solve(problem));
            } catch (RuntimeException failure) {
                result.completeExceptionally(failure);
            }
        });
        worker.start();
        try {
            long firstWait = Math.max(0, waitAtMost.minus(GRACE).toNanos());
            return Optional.ofNullable(result.get(firstWait, TimeUnit.NANOSECONDS));
        } catch (TimeoutException late) {
            Solver<PackingSolution> solver = running.get();
            if (solver == null) {
                result.complete(null);
                return Optional.empty();
            }
            solver.terminateEarly();
            return waitBriefly(result);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException failed) {
            throw new IllegalStateException("the solver failed: " + failed.getCause().getMessage(), failed.getCause());
        }
    }

    /** The score of a solution as it stands, without solving; also sets it on the solution. */
    public HardMediumSoftLongScore score(PackingSolution solution) {
        SolverFactory<PackingSolution> factory = SolverFactory.create(config(0));
        return SolutionManager.<PackingSolution, HardMediumSoftLongScore>create(factory).update(solution);
    }

    private static Optional<PackingSolution> waitBriefly(CompletableFuture<PackingSolution> result) {
        try {
            return Optional.ofNullable(result.get(GRACE.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException | ExecutionException notReady) {
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static SolverConfig solvingConfig(Duration budget, long seed) {
        return config(seed)
                .withTerminationConfig(new TerminationConfig().withMillisecondsSpentLimit(Math.max(1, budget.toMillis())))
                .withPhases(new LocalSearchPhaseConfig()
                        .withAcceptorConfig(new LocalSearchAcceptorConfig().withEntityTabuSize(TABU_SLICES))
                        .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(MOVES_PER_STEP)));
    }

    private static SolverConfig config(long seed) {
        return new SolverConfig()
                .withSolutionClass(PackingSolution.class)
                .withEntityClasses(PlannedSlice.class)
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withConstraintProviderClass(PackingConstraints.class)
                        .withConstraintStreamImplType(ConstraintStreamImplType.BAVET))
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withRandomSeed(seed);
    }
}
