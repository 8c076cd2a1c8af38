package dev.quarry.hq.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.agent.runtime.ContainerState;
import dev.quarry.agent.runtime.ContainerStatus;
import dev.quarry.compiler.ParseResult;
import dev.quarry.compiler.QuarryFile;
import dev.quarry.compiler.spec.RuntimeKind;
import dev.quarry.compiler.spec.StackSpec;
import dev.quarry.hq.grid.GridListing;
import dev.quarry.hq.grid.RunningContainer;
import dev.quarry.hq.grid.ServerSettings;
import dev.quarry.hq.layout.Layout;
import dev.quarry.hq.release.StackSpecs;
import dev.quarry.hq.state.FileStateStore;
import dev.quarry.slicegrid.model.Resources;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The precedence table: {@code config set} > the node's env > the stack's env in quarry.yml > what services
 * publish, as the env a node's container is started with.
 */
class ConfigPrecedenceTest {
    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            published only                         | ''              | ''             | ''               | redis://127.0.0.9:26379
            the stack env beats what is published  | stack           | ''             | ''               | stack
            the node env beats the stack env       | stack           | node           | ''               | node
            config set beats the node env          | stack           | node           | config           | config
            config set beats what is published     | ''              | ''             | config           | config
            """)
    void theValueAContainerGets(String row, String stackValue, String nodeValue, String configValue, String expected) {
        StackSpec spec = parse("""
                env: {%s}
                services:
                  redis: {run: redis-server, port: 26379, publish: {REDIS_URL: "redis://${host}:${port}"}}
                nodes:
                  web: {run: ./server, port: 8080, env: {%s}}
                """.formatted(entry(stackValue), entry(nodeValue)));
        StackSpec configured = StackSpecs.configured(spec,
                configValue.isEmpty() ? Map.of() : Map.of("REDIS_URL", configValue), Map.of());

        Map<String, String> env = ContainerEnv.of(ContainerPlan.ofNode("shop", configured.nodes().get("web"), 1, 1),
                configured, Layout.assumed(configured, 1), listing(), new PublishedEnv(new FileStateStore(temp)));

        assertEquals(expected, env.get("REDIS_URL"), row);
    }

    private static String entry(String value) {
        return value.isEmpty() ? "" : "REDIS_URL: " + value;
    }

    private static GridListing listing() {
        ServerSettings server = ServerSettings.of("s1", "127.0.0.9", 2200, Resources.of(1024, 1000), List.of(), "");
        ContainerStatus redis = new ContainerStatus("shop.redis.1.1", "shop", "redis", 1, RuntimeKind.PROCESS,
                ContainerState.RUNNING, null, 0, Instant.EPOCH, server.host(), 26379, "", List.of());
        return new GridListing(List.of(new RunningContainer(server, redis)), Map.of());
    }

    private static StackSpec parse(String yaml) {
        return ((ParseResult.Parsed) QuarryFile.parse("quarry.yml", yaml.getBytes(StandardCharsets.UTF_8), "shop"))
                .spec();
    }
}
