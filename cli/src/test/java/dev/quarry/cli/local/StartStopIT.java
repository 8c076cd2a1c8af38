package dev.quarry.cli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.cli.up.QuarryProcess;
import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.Commands;
import dev.quarry.testsupport.LoopbackHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quarry start}, {@code ps --local}, a second start after a change, and {@code quarry stop}, from the jar. */
class StartStopIT {
    @TempDir
    Path root;

    private Path userHome;
    private Path app;

    @AfterEach
    void stopWhateverRuns() {
        if (app != null) {
            quarry("stop", "-C", app.toString());
        }
    }

    @Test
    void runsTheStackOfAFolderAndStopsIt() throws Exception {
        userHome = Files.createDirectories(root.resolve("user"));
        app = root.resolve("hello");
        Commands.run(List.of("cp", "-r", QuarryProcess.checkout().resolve("examples/hello").toString(), app.toString()),
                root, Map.of());

        CommandResult start = quarry("start", "-C", app.toString());
        assertEquals(0, start.exitCode(), start.toString());
        assertTrue(start.stdout().contains("-----> DEPLOY hello/web 1/1 healthy on s1"), start.stdout());
        int http = Integer.parseInt(running().getProperty("http"));
        assertTrue(LoopbackHttp.get("127.0.0.1", http, "hello.localhost", "/").body().contains("hello from Quarry"));
        CommandResult ps = quarry("ps", "--local", "-C", app.toString());
        assertTrue(ps.stdout().contains("hello.web.1.1") && ps.stdout().contains(" up "), ps.toString());

        Files.writeString(app.resolve("public/index.html"), "<h1>changed, not committed</h1>\n");
        assertEquals(0, quarry("start", "-C", app.toString()).exitCode());
        assertTrue(LoopbackHttp.get("127.0.0.1", http, "hello.localhost", "/").body().contains("changed, not committed"));

        CommandResult stop = quarry("stop", "-C", app.toString());
        assertEquals("hello stopped (its services, nodes and router)\n", stop.stdout());
        assertEquals("hello is not running here\n", quarry("stop", "-C", app.toString()).stdout());
    }

    private Properties running() throws Exception {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(userHome.resolve(".quarry/local/hello/local.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    private CommandResult quarry(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + userHome, "-jar", QuarryProcess.checkout().resolve("cli/target/quarry.jar").toString()));
        command.addAll(List.of(args));
        return Commands.run(command, root, Map.of());
    }
}
