package dev.quarry.hq.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.hq.access.AccessControl;
import dev.quarry.hq.access.AccessStore;
import dev.quarry.hq.access.AppAction;
import dev.quarry.hq.access.AuditLog;
import dev.quarry.hq.access.KeyFolder;
import dev.quarry.hq.access.Request;
import dev.quarry.hq.build.BuildLogs;
import dev.quarry.hq.release.StackConfig;
import dev.quarry.hq.release.StackState;
import dev.quarry.hq.state.FileStateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What each verb asks of the caller's access, read from its words as the verb reads them. */
class VerbRequestTest {
    @TempDir
    Path root;

    private Verbs verbs;

    @BeforeEach
    void verbs() {
        FileStateStore store = new FileStateStore(root);
        StackState state = new StackState(store);
        AccessControl access = new AccessControl(new AccessStore(store), new AuditLog(store),
                new KeyFolder(root.resolve("keys")), app -> false, Clock.systemUTC());
        verbs = Verbs.standard(state, new StackConfig(store), null, Optional.empty(), access,
                new BuildLogs(root.resolve("stacks")), null);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("apps --json", new Request.Open()),
                Arguments.of("ps", new Request.AdminOnly("list every app's containers (ps without an app)")),
                Arguments.of("ps hello --json", new Request.OnApp("hello", AppAction.SEE_CONTAINERS)),
                Arguments.of("servers", new Request.AdminOnly("see the servers")),
                Arguments.of("grid hello", new Request.AdminOnly("see the grid")),
                Arguments.of("scale hello web=3", new Request.OnApp("hello", AppAction.SCALE)),
                Arguments.of("releases hello", new Request.OnApp("hello", AppAction.SEE_RELEASES)),
                Arguments.of("rollback hello 2", new Request.OnApp("hello", AppAction.ROLL_BACK)),
                Arguments.of("config hello set A=1", new Request.OnApp("hello", AppAction.CONFIGURE)),
                Arguments.of("logs -n 5 hello web -f", new Request.OnApp("hello", AppAction.READ_LOGS)),
                Arguments.of("logs hello --build 3", new Request.OnApp("hello", AppAction.READ_LOGS)),
                Arguments.of("logs --build hello", new Request.OnApp("hello", AppAction.READ_LOGS)),
                Arguments.of("run hello web -- sh -c env", new Request.OnApp("hello", AppAction.RUN)),
                Arguments.of("keys add bob --admin", new Request.AdminOnly("manage keys")),
                Arguments.of("keys", new Request.AdminOnly("manage keys")),
                Arguments.of("access revoke bob hello", new Request.AdminOnly("manage access")),
                Arguments.of("audit hello -n 3", new Request.AdminOnly("read the audit log")),
                Arguments.of("cache hello clear", new Request.OnApp("hello", AppAction.CONFIGURE)),
                Arguments.of("restart hello web", new Request.OnApp("hello", AppAction.RESTART)),
                Arguments.of("destroy hello --confirm hello", new Request.OnApp("hello", AppAction.DESTROY)),
                Arguments.of("destroy --confirm=other hello", new Request.OnApp("hello", AppAction.DESTROY)),
                Arguments.of("destroy hello", new Request.OnApp("hello", AppAction.DESTROY)));
    }

    @ParameterizedTest
    @MethodSource("table")
    void eachVerbSaysWhatItAsks(String line, Request expected) {
        List<String> words = List.of(line.split(" "));
        assertEquals(expected, verbs.request(words.getFirst(), words.subList(1, words.size())));
    }

    @ParameterizedTest
    @MethodSource("wrongWords")
    void wrongWordsAreUsageErrorsBeforeAnyAccessIsJudged(String line, String message) {
        List<String> words = List.of(line.split(" "));
        VerbFailure failure = assertThrows(VerbFailure.class,
                () -> verbs.request(words.getFirst(), words.subList(1, words.size())));
        assertEquals(message, failure.getMessage());
        assertEquals(VerbFailure.USAGE, failure.exitStatus());
    }

    static Stream<Arguments> wrongWords() {
        return Stream.of(
                Arguments.of("releases ../x", "\"../x\" is not an app name (" + dev.quarry.compiler.read.Names.NAME_RULE
                        + "); usage: releases APP [--json]"),
                Arguments.of("keys add", "name the key; usage: " + KeysVerb.USAGE),
                Arguments.of("keys add .bob", "\".bob\" is not a key name (a key name is 1 to 64 letters, digits, '_',"
                        + " '.' and '-', not starting with '.' or '-'); usage: " + KeysVerb.USAGE),
                Arguments.of("keys remove bob --admin", "--admin does not go with keys remove; usage: "
                        + KeysVerb.USAGE),
                Arguments.of("access give bob hello", "unknown access action \"give\"; usage: " + AccessVerb.USAGE),
                Arguments.of("access grant bob", "name the app; usage: " + AccessVerb.USAGE),
                Arguments.of("audit -n 0", "-n takes a number of entries from 1 to 10000; usage: " + AuditVerb.USAGE),
                Arguments.of("cache hello", "name the app and the action; usage: " + CacheVerb.USAGE),
                Arguments.of("run -x -- true", "unknown option \"-x\"; usage: " + RunVerb.USAGE),
                Arguments.of("run hello web ../x -- true", "unexpected \"../x\"; usage: " + RunVerb.USAGE),
                Arguments.of("run hello ../x -- true", "\"../x\" is not a node name ("
                        + dev.quarry.compiler.read.Names.NAME_RULE + "); usage: " + RunVerb.USAGE),
                Arguments.of("restart hello web extra", "unexpected \"extra\"; usage: " + RestartVerb.USAGE),
                Arguments.of("destroy hello --confirm", "--confirm needs the app's name after it; usage: "
                        + DestroyVerb.USAGE),
                Arguments.of("destroy ../x --confirm ../x", "\"../x\" is not an app name ("
                        + dev.quarry.compiler.read.Names.NAME_RULE + "); usage: " + DestroyVerb.USAGE),
                Arguments.of("destroy hello --force", "unknown option \"--force\"; usage: " + DestroyVerb.USAGE));
    }
}
