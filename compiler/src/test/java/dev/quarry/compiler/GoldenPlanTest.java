package dev.quarry.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.compiler.plan.Compiler;
import dev.quarry.compiler.plan.Plan;
import dev.quarry.compiler.plan.PlanText;
import dev.quarry.compiler.plan.Stack;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Compiles each (previous, next) pair of {@code plans/*.case} and compares the text plan with the golden one. */
class GoldenPlanTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "new-stack",
        "push-redeploys-every-node",
        "same-revision-same-spec-does-nothing",
        "scale-only",
        "scale-in-a-push-is-a-deploy",
        "service-changed",
        "service-keys-reordered",
        "stack-env-changed",
        "domains-added-changed-dropped",
        "node-and-service-removed",
        "dependency-order",
        "every-instruction"
    })
    void compilesToTheGoldenPlan(String name) {
        PlanCase golden = PlanCase.load(name);
        Optional<Stack> previous = Optional.ofNullable(golden.previous())
                .map(yaml -> new Stack(Specs.parse(yaml), 1, golden.previousRevision()));
        Plan plan = Compiler.compile(previous, Specs.parse(golden.next()), previous.isPresent() ? 2 : 1,
                golden.nextRevision());

        assertEquals(golden.expectedPlan(), PlanText.render(plan), name);
    }
}
