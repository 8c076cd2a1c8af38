package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.testsupport.BusyboxImage;
import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.LoopbackHttp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Node app with a dependency from an npm registry on loopback ({@link LoopbackNpmRegistry}; the nodejs and
 * npm packages), built
 * by {@code npm install} through HQ on one local server: the next push of a new commit finds everything in the
 * stack's cache (npm logs no {@code (cache miss)}), and {@code config set} does not build at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeBuildTest {
    private static final String QUARRY_FILE = """
            nodes:
              web:
                build: ['npm install --no-audit --no-fund --loglevel=http']
                run: exec node server.js
                port: 8080
                memory: 512M
                domains: [npm.test]
            """;
    private static final String SERVER = "const ms = require('ms');\n"
            + "require('http').createServer((request, response) => response.end('%s ' + ms('2 days')))"
            + ".listen(process.env.PORT, process.env.HOST);\n";

    @TempDir
    static Path root;

    /** The dependency, a small stand-in for the real {@code ms}: only what the app calls. */
    private static final String MS = "module.exports = text => Number(/^(\\d+) days$/.exec(text)[1]) * 86400000;\n";

    private RunningGrid grid;
    private LoopbackNpmRegistry registry;

    @BeforeAll
    void startGrid() {
        BusyboxImage.requireBusybox();
        registry = LoopbackNpmRegistry.serving(root.resolve("registry"), "ms", "2.1.3", MS);
        grid = RunningGrid.start(root.resolve("grid"), 1);
    }

    @AfterAll
    void stopGrid() {
        if (grid != null) {
            grid.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void theSecondPushDownloadsNothingAndConfigSetDoesNotBuild() {
        GitWorkTree app = grid.hq().workTree("npm");
        app.write("quarry.yml", QUARRY_FILE).write("server.js", SERVER.formatted("one"))
                .write("package.json", "{\"name\": \"npm-app\", \"version\": \"1.0.0\", \"private\": true,"
                        + " \"dependencies\": {\"ms\": \"2.1.3\"}}\n")
                .write(".npmrc", "registry=" + registry.url() + "\n").commit("one");

        app.push(RunningHq.url("npm"), "main").requireSuccess();
        assertEquals(new LoopbackHttp.Answer(200, "one 172800000"), grid.get("npm.test", "/"));
        List<String> first = buildLog(1);
        assertTrue(first.stream().anyMatch(line -> line.contains(registry.url() + "ms/-/ms-2.1.3.tgz")
                && line.contains("(cache miss)")), "the first build downloads ms: " + String.join("\n", first));
        assertTrue(registry.asked().contains("/ms/-/ms-2.1.3.tgz"), registry.asked()::toString);

        app.write("server.js", SERVER.formatted("two")).commit("two");
        CommandResult second = app.push(RunningHq.url("npm"), "main").requireSuccess();
        assertEquals(new LoopbackHttp.Answer(200, "two 172800000"), grid.get("npm.test", "/"), second.describe());
        List<String> again = buildLog(2);
        assertTrue(again.stream().noneMatch(line -> line.contains("(cache miss)")),
                "the second build found everything in the stack's cache: " + String.join("\n", again));

        List<String> configured = grid.hq().alice().run("config", "npm", "set", "GREETING=hi").requireSuccess()
                .stdoutLines();
        assertEquals(0, configured.stream().filter(line -> line.startsWith("-----> build web (")).count(),
                String.join("\n", configured));
        assertEquals(new LoopbackHttp.Answer(200, "two 172800000"), grid.get("npm.test", "/"));
    }

    private List<String> buildLog(int release) {
        return grid.hq().alice().run("logs", "npm", "--build", String.valueOf(release)).requireSuccess()
                .stdoutLines();
    }
}
