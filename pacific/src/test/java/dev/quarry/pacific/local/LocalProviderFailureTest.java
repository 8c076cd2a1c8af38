package dev.quarry.pacific.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.pacific.agent.TcpAgentProbe;
import dev.quarry.pacific.fakes.ClockSleeper;
import dev.quarry.pacific.fakes.ManualClock;
import dev.quarry.pacific.provider.CloudFailure;
import dev.quarry.pacific.provider.ServerRequest;
import dev.quarry.pacific.provider.ServerSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local server whose agent does not come up is taken apart: its process stopped, its folder and record gone. */
class LocalProviderFailureTest {
    @TempDir
    Path home;

    private final ListenerLauncher launcher = ListenerLauncher.silent();

    @AfterEach
    void killLeftovers() throws InterruptedException {
        launcher.killAll();
    }

    @Test
    void anAgentThatNeverAnswersIsStoppedAndForgotten() throws Exception {
        ClockSleeper sleeper = new ClockSleeper(new ManualClock());
        LocalProvider provider = new LocalProvider(home, LocalProviderTest.HQ_KEY, LocalProviderTest.SETTINGS,
                launcher, new TcpAgentProbe(Duration.ofSeconds(1)), sleeper.poller());

        CloudFailure failure = assertThrows(CloudFailure.class,
                () -> provider.add(ServerRequest.of(ServerSize.of(512, 500))));

        String message = failure.getMessage();
        assertTrue(message.startsWith("pacific: the agent of local server local-1 did not answer on 127.0.0.2:20000 "
                + "within 30s"), message);
        assertTrue(message.endsWith("; removed local server local-1 again"), message);
        assertFalse(message.contains("\n"), message);
        assertFalse(Files.exists(home.resolve("servers/local-1")));
        assertEquals(List.of(), provider.list());
        assertTrue(launcher.commands().size() == 1);
    }

    @Test
    void anIdThatIsNotALocalServersIsRefused() {
        LocalProvider provider = LocalProvider.atHome(home, LocalProviderTest.HQ_KEY);

        CloudFailure failure = assertThrows(CloudFailure.class, () -> provider.remove("../etc"));

        assertEquals("pacific: \"../etc\" is not a local server id (local-1, local-2, ...); `quarry servers` lists "
                + "the ids", failure.getMessage());
    }
}
