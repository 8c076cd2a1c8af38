package dev.quarry.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.compiler.plan.Compiler;
import dev.quarry.compiler.plan.Instruction;
import dev.quarry.compiler.plan.Plan;
import dev.quarry.compiler.plan.PlanJson;
import dev.quarry.compiler.plan.PlanText;
import dev.quarry.compiler.plan.Stack;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plans are deterministic data: the same inputs give byte-identical text and JSON, and JSON reads back. */
class PlanDataTest {
    private static final String YAML = PlanCase.load("new-stack").next();
    private static final String CHANGED = PlanCase.load("every-instruction").next();
    private static final String BEFORE = PlanCase.load("every-instruction").previous();

    @Test
    void sameInputsGiveByteIdenticalTextAndJson() {
        Plan first = Compiler.compile(Optional.empty(), Specs.parse(YAML), 1, "abc");
        Plan second = Compiler.compile(Optional.empty(), Specs.parse(YAML), 1, "abc");

        assertEquals(PlanText.render(first), PlanText.render(second));
        assertEquals(PlanJson.render(first), PlanJson.render(second));
    }

    @Test
    void jsonReadsBackToTheSamePlan() throws Exception {
        Plan plan = Compiler.compile(Optional.of(new Stack(Specs.parse(BEFORE), 1, "r1")), Specs.parse(CHANGED), 2, "r1");

        Plan read = PlanJson.read(PlanJson.render(plan));

        assertEquals(plan, read);
        assertEquals(5, plan.instructions().stream().map(Instruction::op).distinct().count(), "every op appears");
    }

    @Test
    void jsonNamesEachOp() {
        String json = PlanJson.render(Compiler.compile(Optional.empty(), Specs.parse(YAML), 1, ""));

        assertTrue(json.startsWith("{\n  \"stack\": \"shop\",\n  \"release\": 1,\n"), json);
        assertTrue(json.contains("\"op\": \"ENSURE\",\n      \"stack\": \"shop\",\n      \"name\": \"db\""), json);
    }

    @Test
    void anUnchangedSpecAgainstItselfHasNoEnsureAndNoKill() {
        for (String yaml : new String[] {YAML, CHANGED, BEFORE}) {
            Stack previous = new Stack(Specs.parse(yaml), 1, "r1");
            for (String revision : new String[] {"r1", "r2"}) {
                Plan plan = Compiler.compile(Optional.of(previous), Specs.parse(yaml), 2, revision);
                assertTrue(plan.instructions().stream()
                        .noneMatch(it -> it instanceof Instruction.Ensure || it instanceof Instruction.Kill
                                || it instanceof Instruction.Route || it instanceof Instruction.Scale), plan.toString());
                assertEquals(revision.equals("r1"), plan.isEmpty(), "same code, same spec: nothing to do");
            }
        }
    }
}
