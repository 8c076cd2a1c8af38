package dev.quarry.hq.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RefRulesTest {
    @ParameterizedTest
    @ValueSource(strings = {"refs/heads/main", "refs/heads/feature/x-1", "refs/tags/v1.0"})
    void branchesAndTagsMayBePushed(String ref) {
        assertEquals(Optional.empty(), RefRules.refusal(ref));
    }

    @ParameterizedTest
    @ValueSource(strings = {"refs/heads/-x", "refs/tags/-v", "refs/heads/a/-b"})
    void partsStartingWithADashAreRefused(String ref) {
        assertEquals(Optional.of("refused " + ref + ": a ref name part may not start with '-'; rename it"),
                RefRules.refusal(ref));
    }

    @ParameterizedTest
    @ValueSource(strings = {"refs/meta/config", "refs/quarry/releases/1", "refs/notes/commits", "HEAD"})
    void otherRefsAreRefused(String ref) {
        assertTrue(RefRules.refusal(ref).orElseThrow().endsWith("push branches (refs/heads/) and tags (refs/tags/)"
                + " only"));
    }
}
