package dev.quarry.cli.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quarry build} in-process, on quarry.yml files made in a temporary folder. */
class BuildCommandTest {
    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void namesTheStackAfterItsFolderWhenTheFileSetsNoName() throws IOException {
        Path app = Files.createDirectory(folder.resolve("blog"));
        Files.writeString(app.resolve("quarry.yml"), "nodes:\n  web: {run: ./server}\n");

        assertEquals(0, run("build", app.toString()));
        assertEquals("plan for blog release 1: 1 instruction\n  DEPLOY  blog/web  release=1 scale=1\n", out.toString());
    }

    @Test
    void saysWhereTheFileIsMissingAndHintsAtQuarryYaml() throws IOException {
        Files.writeString(folder.resolve("quarry.yaml"), "nodes: {}\n");

        assertEquals(2, run("build", folder.toString()));
        assertEquals(folder.resolve("quarry.yml") + ": not found; a stack keeps its quarry.yml in its root folder"
                + " (rename quarry.yaml to quarry.yml)\n", err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void refusesAFolderNameThatIsNoStackName() throws IOException {
        Path app = Files.createDirectory(folder.resolve("My App"));
        Files.writeString(app.resolve("quarry.yml"), "nodes:\n  web: {run: ./server}\n");

        assertEquals(2, run("build", app.toString()));
        assertTrue(err.toString().startsWith(app.resolve("quarry.yml") + ":1:1: name: the default name \"my app\" is not"),
                err.toString());
    }

    @Test
    void withoutAQuarryFileItShowsWhatTheProcfileStandsForAndItsPlan() throws IOException {
        Path app = Files.createDirectory(folder.resolve("blog"));
        Files.writeString(app.resolve("Procfile"), "web: ./server\nworker: ./worker\n");

        assertEquals(0, run("build", app.toString()));
        assertEquals("""
                no quarry.yml: derived from the Procfile: web (routed on blog.localhost, PORT from the range), worker (a\
                 worker: no port, ready after 2 s running); as a quarry.yml:
                  # derived from the %s (there is no quarry.yml)
                  nodes:
                    web:
                      run: "./server"
                      port: 5000
                      domains: ["blog.localhost"]
                    worker:
                      run: "./worker"
                plan for blog release 1: 3 instructions
                  DEPLOY  blog/web     release=1 scale=1
                  DEPLOY  blog/worker  release=1 scale=1
                  ROUTE   blog/web     domains=[blog.localhost]
                """.formatted(app.resolve("Procfile")), out.toString());
    }

    @Test
    void unknownOptionsAreInvalidInput() {
        assertEquals(2, run("build", "--jsn"));
        assertTrue(err.toString().contains("Unknown option: '--jsn'"), err.toString());
    }

    private int run(String... args) {
        var commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
