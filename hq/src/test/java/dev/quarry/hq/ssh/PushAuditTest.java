package dev.quarry.hq.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.hq.git.RefChange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit line of a push: short commits for ordinary moves, both commits in full for a forced one. */
class PushAuditTest {
    private static final String OLD = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b";
    private static final String NEW = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void ordinaryPushesNameEachRefShortly() {
        assertEquals("push hello: main 1a2b3c4d5e6f..0123456789ab, v1 new at 0123456789ab, old deleted (was"
                + " 1a2b3c4d5e6f)", PushAudit.line("hello", List.of(
                        new RefChange("refs/heads/main", OLD, NEW, false),
                        new RefChange("refs/tags/v1", RefChange.NONE, NEW, false),
                        new RefChange("refs/heads/old", OLD, RefChange.NONE, false))));
    }

    @Test
    void aForcedPushKeepsBothCommitsInFull() {
        assertEquals("force push hello: main " + OLD + " -> " + NEW + " (not a fast-forward)",
                PushAudit.line("hello", List.of(new RefChange("refs/heads/main", OLD, NEW, true))));
    }
}
