package dev.quarry.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.cli.up.QuarryProcess;
import dev.quarry.testsupport.LoopbackHttp;
import dev.quarry.testsupport.LoopbackPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quarry demo} from the packaged jar: the bundled example is pushed with git and served through nginx. */
class DemoCommandIT {
    @TempDir
    Path root;

    @Test
    void pushesTheBundledExampleAndSaysWhereItIsServed() throws Exception {
        int http = LoopbackPorts.free();
        try (QuarryProcess demo = QuarryProcess.start(root, Files.createDirectories(root.resolve("user")), "demo",
                "--home", root.resolve("home").toString(), "--ssh", "127.0.0.1:" + LoopbackPorts.free(),
                "--http", "127.0.0.1:" + http, "--dashboard", "127.0.0.1:0")) {
            String printed = demo.awaitOutput("The example is served");

            assertTrue(printed.contains("remote: -----> hello release 1 is live: http://hello.localhost:" + http), printed);
            LoopbackHttp.Answer page = LoopbackHttp.get("127.0.0.1", http, "hello.localhost", "/");
            assertEquals(200, page.status());
            assertTrue(page.body().contains("hello from Quarry"), page.body());
            assertTrue(demo.stop(), "quarry demo stops on SIGTERM");
        }
    }
}
