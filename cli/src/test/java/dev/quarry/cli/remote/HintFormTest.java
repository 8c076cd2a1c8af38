package dev.quarry.cli.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The hints HQ prints to the quarry CLI ({@code quarry config set KEY=VALUE --app ngs}) are commands it takes. */
class HintFormTest {
    @Test
    void theAppOptionMayFollowTheWords() {
        Verbs.Config config = new Verbs.Config();

        new CommandLine(config).parseArgs("set", "KEY=VALUE", "--app", "ngs");

        assertEquals("ngs", config.remote.app);
        assertEquals(List.of("set", "KEY=VALUE"), config.change);
    }

    @Test
    void rollbackTakesWithScale() {
        Verbs.Rollback rollback = new Verbs.Rollback();

        new CommandLine(rollback).parseArgs("1", "--with-scale", "--app", "ngs");

        assertEquals(List.of("rollback", "ngs", "1", "--with-scale"),
                rollback.words(new HqTarget("quarry", "127.0.0.1", HqTarget.DEFAULT_PORT, java.util.Optional.of("ngs"))));
    }

    @Test
    void destroyTakesTheAppAndItsConfirmation() {
        HqTarget fromRemote = new HqTarget("quarry", "127.0.0.1", HqTarget.DEFAULT_PORT, java.util.Optional.of("ngs"));
        AppVerbs.Destroy named = new AppVerbs.Destroy();
        new CommandLine(named).parseArgs("shop", "--confirm", "shop");
        AppVerbs.Destroy unconfirmed = new AppVerbs.Destroy();
        new CommandLine(unconfirmed).parseArgs();

        assertEquals(List.of("destroy", "shop", "--confirm", "shop"), named.words(fromRemote));
        assertEquals(List.of("destroy", "ngs"), unconfirmed.words(fromRemote));
    }

    @Test
    void restartTakesANode() {
        AppVerbs.Restart restart = new AppVerbs.Restart();

        new CommandLine(restart).parseArgs("web", "--app", "ngs");

        assertEquals(List.of("restart", "ngs", "web"),
                restart.words(new HqTarget("quarry", "127.0.0.1", HqTarget.DEFAULT_PORT, java.util.Optional.of("ngs"))));
    }

    @Test
    void psPassesHealthAndJson() {
        Verbs.Ps ps = new Verbs.Ps();

        new CommandLine(ps).parseArgs("--health", "--json", "--app", "ngs");

        assertEquals(List.of("ps", "ngs", "--json", "--health"),
                ps.words(new HqTarget("quarry", "127.0.0.1", HqTarget.DEFAULT_PORT, java.util.Optional.of("ngs"))));
    }

    @Test
    void gridConsolidateDryRunIsPassedAsItIs() {
        Verbs.Grid grid = new Verbs.Grid();

        new CommandLine(grid).parseArgs("consolidate", "--dry-run", "--app", "ngs");

        assertEquals(List.of("grid", "consolidate", "--dry-run"),
                grid.words(new HqTarget("quarry", "127.0.0.1", HqTarget.DEFAULT_PORT, java.util.Optional.of("ngs"))));
    }

    @Test
    void runPassesTheNodeAndTheCommandWordForWord() {
        Verbs.Run run = new Verbs.Run();

        new CommandLine(run).parseArgs("--app", "ngs", "--node", "worker", "--", "sh", "-c", "echo $PORT; exit 3");

        List<String> words = run.words(new HqTarget("quarry", "127.0.0.1", HqTarget.DEFAULT_PORT,
                java.util.Optional.of("ngs")));
        assertEquals(List.of("run", "ngs", "worker", "--", "sh", "-c", "echo $PORT; exit 3"), words);
        assertEquals("run ngs worker -- sh -c 'echo $PORT; exit 3'", RemoteCommand.commandLine(words));
    }
}
