package dev.quarry.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each {@code invalid/NAME.yml} gives exactly the lines of {@code invalid/NAME.errors}, all at once. */
class InvalidFilesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "bad-names",
        "depends-cycle",
        "depends-missing",
        "domains",
        "duplicate-keys",
        "empty",
        "env-keys",
        "image-references",
        "liveness",
        "names-shared",
        "no-nodes",
        "not-a-mapping",
        "ports-and-scale",
        "runtime-conflicts",
        "sizes-and-durations",
        "syntax-error",
        "unknown-keys",
        "version",
        "wrong-types"
    })
    void reportsEveryProblemWithItsPlace(String name) {
        byte[] yaml = PlanCase.resource("invalid/" + name + ".yml").getBytes(StandardCharsets.UTF_8);
        String expected = PlanCase.resource("invalid/" + name + ".errors");

        assertEquals(expected, Specs.invalid(yaml).report());
    }
}
