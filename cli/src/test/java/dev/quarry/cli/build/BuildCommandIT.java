package dev.quarry.cli.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** bin/quarry as users run it: a process in the checkout, on the examples. Runs after the jar is packaged. */
class BuildCommandIT {
    private static final Path ROOT = Path.of(System.getProperty("quarry.root", "..")).toAbsolutePath().normalize();

    @Test
    void printsThePlanOfAnExample() throws Exception {
        Result result = quarry("build", "examples/shop");

        assertEquals(0, result.status(), result.err());
        assertEquals("""
                plan for shop release 1: 4 instructions
                  ENSURE  shop/db      hash=1278f6663273
                  DEPLOY  shop/web     release=1 scale=2
                  DEPLOY  shop/worker  release=1 scale=1
                  ROUTE   shop/web     domains=[shop.example.com, www.shop.example.com]
                """, result.out());
        assertEquals("", result.err());
    }

    @Test
    void printsThePlanAsJson() throws Exception {
        Result result = quarry("build", "--json", "examples/hello");

        assertEquals(0, result.status(), result.err());
        JsonNode plan = new ObjectMapper().readTree(result.out());
        assertEquals("hello", plan.get("stack").asText());
        assertEquals(List.of("DEPLOY", "ROUTE"), plan.get("instructions").findValuesAsText("op"));
    }

    @Test
    void exitsTwoWithEveryErrorLineOnAnInvalidExample() throws Exception {
        Result result = quarry("build", "examples/broken");

        assertEquals(2, result.status());
        assertEquals("", result.out());
        assertEquals("""
                examples/broken/quarry.yml:6:11: nodes.web.port: must be a whole number from 1 to 65535, got "80800"
                examples/broken/quarry.yml:7:12: nodes.web.scale: must be a whole number from 0 to 1000, got "three"
                examples/broken/quarry.yml:8:5: nodes.web.domian: unknown key "domian"; did you mean "domains"? \
                (valid keys: build, cpu, depends, dockerfile, domains, env, health, hooks, image, liveness, memory, port, restart, \
                run, scale, tags)
                examples/broken/quarry.yml:9:15: nodes.web.depends[0]: "db" is not a service or node of this stack \
                (valid: worker)
                examples/broken/quarry.yml:10:3: nodes.worker: needs run (a command for the process runtime), image or \
                dockerfile
                examples/broken/quarry.yml:11:13: nodes.worker.memory: must be a size from 1M to 1024G such as 256M or 1G, \
                got "lots"
                """, result.err());
    }

    @Test
    void answersVersionAndHelp() throws Exception {
        Result version = quarry("--version");
        Result help = quarry("--help");

        assertEquals(0, version.status(), version.err());
        assertTrue(version.out().startsWith("quarry 0."), version.out());
        assertEquals(0, help.status(), help.err());
        assertTrue(help.out().contains("build "), help.out());
    }

    private record Result(int status, String out, String err) {}

    private static Result quarry(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("bin/quarry").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("quarry-out", ".txt");
        Path err = Files.createTempFile("quarry-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).directory(ROOT.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("bin/quarry " + String.join(" ", args) + " did not finish in 5 minutes");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
