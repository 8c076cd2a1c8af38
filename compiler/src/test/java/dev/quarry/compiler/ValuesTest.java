package dev.quarry.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.compiler.spec.NodeSpec;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sizes, cpus and durations in every accepted spelling. */
class ValuesTest {

    @ParameterizedTest(name = "memory {0} = {1} MiB")
    @CsvSource({"256M, 256", "256m, 256", "1G, 1024", "1g, 1024", "2048K, 2", "1024G, 1048576", "1M, 1", "1025k, 2"})
    void sizes(String written, long mebibytes) {
        assertEquals(mebibytes, node("memory: " + written).container().memory().mebibytes());
    }

    @ParameterizedTest(name = "cpu {0} = {1}m")
    @CsvSource({"1, 1000", "0.5, 500", "0.25, 250", "2, 2000", "0.001, 1", "500m, 500", "1024, 1024000"})
    void cpus(String written, int millicores) {
        assertEquals(millicores, node("cpu: " + written).container().cpu().millicores());
    }

    @ParameterizedTest(name = "deadline {0} = {1} ms")
    @CsvSource({"500ms, 500", "2s, 2000", "1m, 60000", "1h, 3600000", "24h, 86400000"})
    void durations(String written, long millis) {
        NodeSpec node = node("port: 80\n    health: {path: /, deadline: " + written + "}");
        assertEquals(Duration.ofMillis(millis), node.container().health().deadline());
    }

    private static NodeSpec node(String line) {
        return Specs.parse("nodes:\n  web:\n    run: ./server\n    " + line + "\n").nodes().get("web");
    }
}
