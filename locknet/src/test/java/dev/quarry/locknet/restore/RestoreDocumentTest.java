package dev.quarry.locknet.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.locknet.ruleset.Chain;
import dev.quarry.locknet.ruleset.FamilyRuleset;
import dev.quarry.locknet.ruleset.Hook;
import dev.quarry.locknet.ruleset.Rule;
import dev.quarry.locknet.grid.Family;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestoreDocumentTest {
    private static final FamilyRuleset RULESET = new FamilyRuleset(Family.IPV4,
            List.of(new Chain("QUARRY-INPUT", List.of(Rule.of("-s", "10.0.0.1/32", "-j", "ACCEPT"), Rule.of("-j", "DROP"))),
                    new Chain("QUARRY-DOCKER", List.of(Rule.of("-j", "DROP")))),
            List.of(Hook.INPUT, Hook.DOCKER_USER));

    @Test
    void onAFreshHostTheJumpFromInputIsInsertedAtTheTop() {
        assertEquals("""
                # heading
                *filter
                :QUARRY-INPUT - [0:0]
                :QUARRY-DOCKER - [0:0]
                -F QUARRY-INPUT
                -A QUARRY-INPUT -s 10.0.0.1/32 -j ACCEPT
                -A QUARRY-INPUT -j DROP
                -F QUARRY-DOCKER
                -A QUARRY-DOCKER -j DROP
                -I INPUT 1 -j QUARRY-INPUT
                COMMIT
                """, RestoreDocument.render(List.of("# heading"), QuarryRules.NONE, TargetRules.of(RULESET, FilterTable.EMPTY)));
    }

    @Test
    void whereDockerRunsTheJumpFromDockerUserIsInsertedToo() {
        FilterTable dockerHost = FilterTable.parse("*filter\n:DOCKER-USER - [0:0]\n-A DOCKER-USER -j RETURN\nCOMMIT\n");
        String document = RestoreDocument.render(List.of(), dockerHost.quarry(), TargetRules.of(RULESET, dockerHost));
        assertEquals(List.of("-I INPUT 1 -j QUARRY-INPUT", "-I DOCKER-USER 1 -j QUARRY-DOCKER"),
                document.lines().filter(line -> line.startsWith("-I ") || line.startsWith("-D ")).toList());
    }

    @Test
    void applyingAgainRefillsTheChainsAndLeavesTheJumpAlone() {
        FilterTable applied = FilterTable.parse("""
                *filter
                :INPUT ACCEPT [10:2000]
                :QUARRY-INPUT - [0:0]
                -A INPUT -j QUARRY-INPUT
                -A QUARRY-INPUT -s 10.0.0.9/32 -j ACCEPT
                COMMIT
                """);
        String document = RestoreDocument.render(List.of(), applied.quarry(), TargetRules.of(RULESET, applied));
        assertEquals(List.of(), document.lines().filter(line -> line.startsWith("-I ") || line.startsWith("-D ")).toList());
        assertEquals(List.of("-F QUARRY-INPUT", "-F QUARRY-DOCKER"), document.lines().filter(line -> line.startsWith("-F ")).toList());
    }

    @Test
    void aJumpAddedTwiceByHandIsDeletedDownToOne() {
        QuarryRules twice = new QuarryRules(Map.of("QUARRY-INPUT", List.of()), List.of(Hook.INPUT, Hook.INPUT));
        String document = RestoreDocument.render(List.of(), twice, TargetRules.of(RULESET, FilterTable.EMPTY));
        assertEquals(List.of("-D INPUT -j QUARRY-INPUT"),
                document.lines().filter(line -> line.startsWith("-I ") || line.startsWith("-D ")).toList());
    }

    @Test
    void rollingBackToAHostWithoutLocknetRemovesJumpsThenChains() {
        QuarryRules applied = TargetRules.of(RULESET, FilterTable.parse("*filter\n:DOCKER-USER - [0:0]\nCOMMIT\n"));
        assertEquals("""
                *filter
                -D INPUT -j QUARRY-INPUT
                -D DOCKER-USER -j QUARRY-DOCKER
                -F QUARRY-INPUT
                -X QUARRY-INPUT
                -F QUARRY-DOCKER
                -X QUARRY-DOCKER
                COMMIT
                """, RestoreDocument.render(List.of(), applied, QuarryRules.NONE));
    }
}
