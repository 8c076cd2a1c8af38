package dev.quarry.locknet.apply;

import static dev.quarry.locknet.network.TestGrid.OUTSIDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.locknet.Locknet;
import dev.quarry.locknet.grid.Family;
import dev.quarry.locknet.grid.Ports;
import dev.quarry.locknet.grid.Role;
import dev.quarry.locknet.network.Reach;
import dev.quarry.locknet.network.TestGrid;
import dev.quarry.locknet.ruleset.Ruleset;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The dead-man timer: an apply nobody confirms puts the previous rules back by itself. */
@Timeout(60)
class DeadManRollbackTest {
    private static final Duration SHORT = Duration.ofSeconds(1);
    private static final Ruleset GRID = Locknet.ruleset(TestGrid.gridHosts("g1", "g2"), Set.of(Role.SERVER), Ports.DEFAULT);
    private static final Ruleset SMALLER_GRID = Locknet.ruleset(TestGrid.gridHosts("g1"), Set.of(Role.SERVER), Ports.DEFAULT);

    private TestGrid grid;

    @BeforeEach
    void buildGrid() {
        grid = TestGrid.create();
    }

    @AfterEach
    void removeGrid() {
        grid.close();
    }

    @Test
    void anApplyNobodyConfirmsIsRolledBackWhenTheTimeoutRunsOut() throws InterruptedException {
        grid.listen("g1", 5432);
        String before = tables();
        Applier applier = grid.applier("g1", new VirtualThreadScheduler());

        PendingApply pending = applier.apply(GRID, SHORT);
        assertEquals(Map.of(5432, Reach.DROPPED), grid.reach(OUTSIDER, "g1", 5432));

        assertEquals(new ApplyOutcome.RolledBack("not confirmed within 1s"), pending.awaitOutcome());
        assertEquals(before, tables());
        assertEquals(Map.of(5432, Reach.CONNECTED), grid.reach(OUTSIDER, "g1", 5432));
        assertFalse(applier.confirm(), "too late to confirm");
        assertTrue(applier.pending().isEmpty());
    }

    @Test
    void theRollbackReturnsToTheLastConfirmedRules() throws InterruptedException {
        Applier applier = grid.applier("g1", new VirtualThreadScheduler());
        applier.apply(GRID, Duration.ofMinutes(5));
        assertTrue(applier.confirm());
        String confirmed = tables();

        PendingApply pending = applier.apply(SMALLER_GRID, SHORT);

        assertInstanceOf(ApplyOutcome.RolledBack.class, pending.awaitOutcome());
        assertEquals(confirmed, tables());
    }

    @Test
    void aConfirmedApplyKeepsItsRulesEvenWhenTheTimerFiresLate() {
        ManualScheduler scheduler = new ManualScheduler();
        Applier applier = grid.applier("g1", scheduler);
        PendingApply pending = applier.apply(GRID, Duration.ofSeconds(15));
        String applied = tables();

        assertTrue(applier.confirm());
        scheduler.timeIsUp();

        assertEquals(List.of(Duration.ofSeconds(15)), scheduler.delays());
        assertEquals(new ApplyOutcome.Kept(), pending.outcome().orElseThrow());
        assertEquals(new ApplyOutcome.Kept(), pending.rollBack("too late"));
        assertEquals(applied, tables());
        assertEquals(Map.of(5432, Reach.DROPPED), grid.reach(OUTSIDER, "g1", 5432));
    }

    @Test
    void aNewerApplyReplacesThePendingOneAndRollsBackToTheRulesBeforeBoth() {
        String before = tables();
        ManualScheduler scheduler = new ManualScheduler();
        Applier applier = grid.applier("g1", scheduler);

        PendingApply first = applier.apply(GRID, SHORT);
        PendingApply second = applier.apply(SMALLER_GRID, SHORT);
        scheduler.firstTimeIsUp();

        assertEquals(new ApplyOutcome.Superseded(), first.outcome().orElseThrow());
        assertTrue(second.outcome().isEmpty(), "the newer apply still waits");
        scheduler.timeIsUp();
        assertInstanceOf(ApplyOutcome.RolledBack.class, second.outcome().orElseThrow());
        assertEquals(before, tables());
    }

    private String tables() {
        return grid.filterTable("g1", Family.IPV4) + grid.filterTable("g1", Family.IPV6);
    }
}
