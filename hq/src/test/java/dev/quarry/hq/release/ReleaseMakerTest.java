package dev.quarry.hq.release;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.compiler.plan.Instruction;
import dev.quarry.hq.launch.LaunchRequest;
import dev.quarry.hq.launch.LaunchResult;
import dev.quarry.hq.launch.Launcher;
import dev.quarry.hq.state.FileStateStore;
import dev.quarry.hq.state.StateCorruptException;
import dev.quarry.hq.state.StateKey;
import dev.quarry.hq.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseMakerTest {
    private static final String COMMIT_1 = "1111111111111111111111111111111111111111";
    private static final String COMMIT_2 = "2222222222222222222222222222222222222222";
    private static final String YML = """
            env: {RACK_ENV: production}
            nodes:
              web: {run: ./server, port: 8080, domains: [shop.example.com]}
            """;

    @TempDir
    Path root;

    private StateStore store;
    private StackState state;
    private final List<LaunchRequest> launched = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private LaunchResult nextResult = new LaunchResult.Launched(List.of("http://shop.example.com"), "");

    @BeforeEach
    void setUp() {
        store = new FileStateStore(root);
        state = new StackState(store);
    }

    private ReleaseMaker maker() {
        Launcher launcher = (request, progress) -> {
            launched.add(request);
            return nextResult;
        };
        return new ReleaseMaker(state, new SourceFolders(root.resolve("stacks")), launcher,
                Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC));
    }

    private ReleaseOutcome make(String commit, String yml, Map<String, String> env, Map<String, Integer> scale) {
        SourceTree source = folder -> Files.writeString(folder.resolve("server"), commit);
        return maker().make(new ReleaseRequest("shop", commit, "main", yml.getBytes(UTF_8), env, scale, "pushed",
                "alice", source), lines::add);
    }

    @Test
    void theFirstReleaseIsRecordedExportedLaunchedAndCurrent() throws Exception {
        ReleaseOutcome.Made made = assertInstanceOf(ReleaseOutcome.Made.class, make(COMMIT_1, YML, Map.of(), Map.of()));

        assertEquals(1, made.release().number());
        assertEquals(ReleaseStatus.DEPLOYED, state.release("shop", 1).orElseThrow().status());
        StackRecord stack = state.stack("shop").orElseThrow().value();
        assertEquals(new StackRecord("shop", "main", 1, 1, Instant.parse("2026-11-23T12:00:00Z")), stack);
        assertEquals(List.of("env.json", "plan.json", "quarry.yml", "release.json"),
                store.children(StateKey.of("stacks", "shop", "releases", "1")));
        assertEquals(COMMIT_1, Files.readString(root.resolve("stacks/shop/src/server")));
        assertEquals(made.plan(), launched.getFirst().plan());
        assertEquals("-----> shop release 1 is live: http://shop.example.com", lines.getLast());
    }

    @Test
    void anInvalidQuarryFileStoresNothing() {
        ReleaseOutcome.Invalid invalid = assertInstanceOf(ReleaseOutcome.Invalid.class,
                make(COMMIT_1, "nodes:\n  web:\n    run: ./server\n    scale: three\n", Map.of(), Map.of()));
        assertTrue(invalid.problems().getFirst().startsWith("quarry.yml:4:12: nodes.web.scale: "),
                invalid.problems().toString());
        assertFalse(Files.exists(root.resolve("stacks")));
        assertEquals(List.of(), launched);
    }

    @Test
    void aQuarryFileNamingAnotherStackIsInvalid() {
        ReleaseOutcome.Invalid invalid = assertInstanceOf(ReleaseOutcome.Invalid.class,
                make(COMMIT_1, "name: blog\n" + YML, Map.of(), Map.of()));
        assertEquals(List.of("quarry.yml:1:7: name: is \"blog\" but this push goes to shop; remove name: or push to"
                + " the stack it names"), invalid.problems());
    }

    @Test
    void aFailedLaunchLeavesThePreviousReleaseServing() {
        make(COMMIT_1, YML, Map.of(), Map.of());
        nextResult = new LaunchResult.Failed("web did not become healthy in 60s", List.of("boom"));

        ReleaseOutcome.Failed failed = assertInstanceOf(ReleaseOutcome.Failed.class,
                make(COMMIT_2, YML, Map.of(), Map.of()));

        assertEquals(2, failed.release().number());
        assertEquals(ReleaseStatus.FAILED, state.release("shop", 2).orElseThrow().status());
        assertEquals(1, state.stack("shop").orElseThrow().value().current());
        assertEquals(List.of("-----> failed: web did not become healthy in 60s", "       | boom",
                "-----> shop release 2 failed; release 1 keeps serving"),
                lines.subList(lines.size() - 3, lines.size()));
    }

    @Test
    void envSetOverSshMergesOverQuarryFilesAndRedeploys() {
        make(COMMIT_1, YML, Map.of(), Map.of());
        ReleaseOutcome.Made made = assertInstanceOf(ReleaseOutcome.Made.class,
                make(COMMIT_1, YML, Map.of("RACK_ENV", "staging", "SECRET", "s"), Map.of()));
        assertEquals(Map.of("RACK_ENV", "staging", "SECRET", "s"), launched.getLast().spec().env());
        assertEquals(List.of(new Instruction.Deploy("shop", "web", 2, 1)), made.plan().instructions());
        assertEquals(Map.of("RACK_ENV", "staging", "SECRET", "s"), state.env("shop", 2));
    }

    @Test
    void aScaleChangeOfTheSameCodeIsAScaleInstruction() {
        make(COMMIT_1, YML, Map.of(), Map.of());
        ReleaseOutcome.Made made = assertInstanceOf(ReleaseOutcome.Made.class,
                make(COMMIT_1, YML, Map.of(), Map.of("web", 3)));
        assertEquals(List.of(new Instruction.Scale("shop", "web", 3)), made.plan().instructions());
        assertEquals(Map.of("web", 3), state.release("shop", 2).orElseThrow().scale());
    }

    @Test
    void onlyTheLastReleasesKeepAreKept() {
        String keepTwo = "releases: {keep: 2}\n" + YML;
        for (int i = 0; i < 4; i++) {
            make(i % 2 == 0 ? COMMIT_1 : COMMIT_2, keepTwo, Map.of(), Map.of());
        }
        assertEquals(List.of(3, 4), state.releases("shop").stream().map(Release::number).toList());
        assertEquals(List.of("3", "4"), store.children(StateKey.of("stacks", "shop", "releases")));
    }

    @Test
    void aDamagedStackRecordIsAnErrorNamingIt() {
        store.write(StateKey.of("stacks", "shop", "stack.json"), StateStore.ABSENT, "{\"name\": 7".getBytes(UTF_8));
        StateCorruptException error = assertThrows(StateCorruptException.class,
                () -> make(COMMIT_1, YML, Map.of(), Map.of()));
        assertTrue(error.getMessage().startsWith("stacks/shop/stack.json: not a valid stack record ("),
                error.getMessage());
    }
}
