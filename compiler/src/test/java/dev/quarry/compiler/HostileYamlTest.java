package dev.quarry.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile documents are refused with one clear line before anything is built from them. The timeout
 * only guards against a hang (a bomb that went off); it is not a speed measurement.
 */
class HostileYamlTest {
    private static final Duration HANG = Duration.ofSeconds(60);

    @Test
    void refusesBillionLaughs() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int level = 1; level <= 9; level++) {
            String previous = "*a" + (level - 1);
            yaml.append("a").append(level).append(": &a").append(level).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(9, previous))).append("]\n");
        }
        yaml.append("nodes:\n  web:\n    run: ./server\n    env: *a9\n");

        assertEquals(List.of("quarry.yml:7:30: more than 50 aliases of lists or mappings: alias bombs are refused"),
                refusal(yaml.toString()));
    }

    @Test
    void refusesAGlobalTagNamingAJavaClass() {
        String yaml = "nodes:\n  web:\n    run: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n";

        assertEquals(List.of("quarry.yml:3:10: YAML tags such as \"tag:yaml.org,2002:javax.script.ScriptEngineManager\""
                + " are not allowed in quarry.yml"), refusal(yaml));
    }

    @Test
    void refusesALocalTag() {
        assertEquals(List.of("quarry.yml:1:7: YAML tags such as \"!shell\" are not allowed in quarry.yml"),
                refusal("name: !shell shop\nnodes: {web: {run: x}}\n"));
    }

    @Test
    void refusesADocumentOverOneMebibyte() {
        StringBuilder yaml = new StringBuilder("nodes:\n  web:\n    run: ./server\n    env:\n");
        int line = 0;
        while (yaml.length() < 5 * 1024 * 1024) {
            yaml.append("      KEY_").append(line++).append(": \"").append("x".repeat(80)).append("\"\n");
        }

        assertEquals(List.of("quarry.yml:1:1: the file is over 1 MiB; a quarry.yml may be at most 1048576 bytes"),
                refusal(yaml.toString()));
    }

    @Test
    void refusesTenThousandLevelsOfFlowNesting() {
        String yaml = "nodes: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";

        assertEquals(List.of("quarry.yml:1:71: nesting deeper than 64 levels is refused"), refusal(yaml));
    }

    @Test
    void refusesTenThousandLevelsOfBlockNesting() {
        String yaml = "nodes:\n" + "- ".repeat(10_000) + "x\n";

        assertEquals(List.of("quarry.yml:2:127: nesting deeper than 64 levels is refused"), refusal(yaml));
    }

    @Test
    void refusesASecondDocument() {
        assertEquals(List.of("quarry.yml:3:1: a quarry.yml holds one YAML document; remove the second \"---\""),
                refusal("nodes: {web: {run: x}}\n\n---\nnodes: {api: {run: y}}\n"));
    }

    @Test
    void refusesTextThatIsNotUtf8() {
        byte[] bytes = {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'};

        assertEquals("quarry.yml:1:1: the file is not valid UTF-8 text\n",
                assertTimeoutPreemptively(HANG, () -> Specs.invalid(bytes).report()));
    }

    @Test
    void acceptsAFewAliasesForSharedSettings() {
        String yaml = """
                x-common: &common {memory: 128M, cpu: 0.1}
                nodes:
                  web: {<<: *common, run: ./server}
                  worker: {<<: *common, run: ./worker, memory: 64M}
                """;
        assertEquals(List.of("quarry.yml:1:1: x-common: unknown key \"x-common\" (valid keys: env, name, nodes, releases,"
                + " services, version)"), refusal(yaml));
    }

    private static List<String> refusal(String yaml) {
        return assertTimeoutPreemptively(HANG, () -> Specs.invalid(yaml.getBytes(StandardCharsets.UTF_8)).problems()
                .stream().map(Problem::toString).toList());
    }
}
