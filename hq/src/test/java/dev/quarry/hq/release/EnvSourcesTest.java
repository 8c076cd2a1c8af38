package dev.quarry.hq.release;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.compiler.ParseResult;
import dev.quarry.compiler.spec.StackSpec;
import dev.quarry.hq.release.EnvSources.Sourced;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The precedence table: {@code config set} over the node's env over the stack's env over a service's published
 * values, as {@code config APP} shows it for each node.
 */
class EnvSourcesTest {
    private static final String QUARRY_FILE = """
            env: {WEB_CONCURRENCY: '1', REDIS_URL: 'redis://from-env', LANG: C.UTF-8}
            services:
              redis:
                image: redis
                port: 6379
                publish: {REDIS_URL: 'redis://${host}:${port}', REDIS_HOST: '${host}'}
            nodes:
              web:
                run: exec server
                port: 8080
                env: {WEB_CONCURRENCY: '4', MODE: web}
              worker:
                run: exec worker
            """;

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("web", "WEB_CONCURRENCY", Map.of(), new Sourced("4", "quarry.yml web env")),
                Arguments.of("worker", "WEB_CONCURRENCY", Map.of(), new Sourced("1", "quarry.yml env")),
                Arguments.of("web", "WEB_CONCURRENCY", Map.of("WEB_CONCURRENCY", "2"), new Sourced("2", "config")),
                Arguments.of("worker", "WEB_CONCURRENCY", Map.of("WEB_CONCURRENCY", "2"), new Sourced("2", "config")),
                Arguments.of("web", "REDIS_URL", Map.of(), new Sourced("redis://from-env", "quarry.yml env")),
                Arguments.of("web", "REDIS_HOST", Map.of(), new Sourced("127.0.0.2", "service redis")),
                Arguments.of("worker", "REDIS_URL", Map.of("REDIS_URL", "redis://set"),
                        new Sourced("redis://set", "config")),
                Arguments.of("worker", "MODE", Map.of(), null),
                Arguments.of("web", "LANG", Map.of(), new Sourced("C.UTF-8", "quarry.yml env")));
    }

    @ParameterizedTest(name = "{0} {1} with config {2}: {3}")
    @MethodSource("table")
    void eachNodesValueComesFromTheHighestSourceThatHasIt(String node, String key, Map<String, String> config,
            Sourced expected) {
        ParseResult result = StackSpecs.parse(QUARRY_FILE.getBytes(StandardCharsets.UTF_8), "shop");
        StackSpec spec = result instanceof ParseResult.Parsed parsed ? parsed.spec()
                : org.junit.jupiter.api.Assertions.fail(result.toString());
        Map<String, Map<String, String>> published = Map.of("redis",
                Map.of("REDIS_URL", "redis://127.0.0.2:20001", "REDIS_HOST", "127.0.0.2"));

        assertEquals(expected, EnvSources.byNode(spec, config, published).get(node).get(key));
    }
}
