package dev.quarry.hq.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The access policy as a table: role, request and the app's standing in, the verdict out. */
class AccessPolicyTest {
    private static final AppStanding UNCLAIMED = new AppStanding.Unclaimed();
    private static final AppStanding UNRECORDED = new AppStanding.Unrecorded();
    private static final AppStanding BOBS = new AppStanding.Recorded(AppAccess.createdBy("hello", "bob"));
    private static final AppStanding CAROLS = new AppStanding.Recorded(new AppAccess("hello", "carol",
            List.of("carol", "dave")));

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(Role.DEVELOPER, AppAction.DEPLOY, UNCLAIMED, "creates"),
                Arguments.of(Role.ADMIN, AppAction.DEPLOY, UNCLAIMED, "creates"),
                Arguments.of(Role.DEVELOPER, AppAction.DEPLOY, BOBS, "allowed"),
                Arguments.of(Role.DEVELOPER, AppAction.READ_LOGS, BOBS, "allowed"),
                Arguments.of(Role.DEVELOPER, AppAction.DEPLOY, CAROLS,
                        "bob may not deploy hello; an admin can run: ssh quarry@HQ access grant bob hello"),
                Arguments.of(Role.DEVELOPER, AppAction.CLONE, UNRECORDED,
                        "bob may not clone hello; an admin can run: ssh quarry@HQ access grant bob hello"),
                Arguments.of(Role.DEVELOPER, AppAction.SEE_RELEASES, UNCLAIMED, "bob may not see the releases of hello;"
                        + " an admin can run: ssh quarry@HQ access grant bob hello"),
                Arguments.of(Role.ADMIN, AppAction.ROLL_BACK, CAROLS, "allowed"),
                Arguments.of(Role.ADMIN, AppAction.CONFIGURE, UNRECORDED, "allowed"),
                Arguments.of(Role.ADMIN, AppAction.SEE_RELEASES, UNCLAIMED, "allowed"));
    }

    @ParameterizedTest
    @MethodSource("table")
    void decidesEachRoleActionAndStanding(Role role, AppAction action, AppStanding standing, String expected) {
        assertEquals(expected, show(AccessPolicy.decide("bob", role, new Request.OnApp("hello", action), standing)));
    }

    @Test
    void theHintIsInTheSyntaxOfTheCallersTool() {
        Verdict verdict = AccessPolicy.decide("bob", Role.DEVELOPER, new Request.OnApp("hello", AppAction.DEPLOY),
                CAROLS);
        assertEquals("bob may not deploy hello; an admin can run: quarry access grant bob hello",
                ((Verdict.Refused) verdict).line(HintSyntax.CLI));
        assertEquals(HintSyntax.CLI, HintSyntax.ofClient("SSH-2.0-QuarryCLI"));
        assertEquals(HintSyntax.SSH, HintSyntax.ofClient("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u6"));
    }

    @Test
    void adminOnlyRequestsAreRefusedToDevelopersWithoutAGrantHint() {
        Request servers = new Request.AdminOnly("see the servers");
        assertEquals("allowed", show(AccessPolicy.decide("alice", Role.ADMIN, servers, UNRECORDED)));
        assertEquals("bob may not see the servers; that is for admins; see the apps you reach with: ssh quarry@HQ apps",
                show(AccessPolicy.decide("bob", Role.DEVELOPER, servers, UNRECORDED)));
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void openRequestsAreAllowedToEveryone(Role role) {
        assertEquals("allowed", show(AccessPolicy.decide("bob", role, new Request.Open(), UNRECORDED)));
    }

    @Test
    void grantsAndRevokesChangeOnlyTheirName() {
        AppAccess access = AppAccess.createdBy("hello", "bob").with("carol").with("carol");
        assertEquals(List.of("bob", "carol"), access.developers());
        assertEquals(List.of("carol"), access.without("bob").developers());
        assertEquals("bob", access.without("bob").createdBy());
    }

    private static String show(Verdict verdict) {
        return switch (verdict) {
            case Verdict.Allowed allowed -> "allowed";
            case Verdict.Creates creates -> "creates";
            case Verdict.Refused refused -> refused.line(HintSyntax.SSH);
        };
    }
}
