package dev.quarry.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.quarry.compiler.spec.HealthSpec;
import dev.quarry.compiler.spec.NodeSpec;
import dev.quarry.compiler.spec.RestartPolicy;
import dev.quarry.compiler.spec.RestartSpec;
import dev.quarry.compiler.spec.RuntimeKind;
import dev.quarry.compiler.spec.ServiceSpec;
import dev.quarry.compiler.spec.StackSpec;
import dev.quarry.compiler.spec.VolumeSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example of QUARRY-SPEC, read key by key, and the defaults a short file gets. */
class FullSpecTest {
    private static final String SPEC_EXAMPLE = """
            name: shop
            env:
              RACK_ENV: production
            releases: {keep: 5}
            services:
              db:
                image: postgres:16
                port: 5432
                env: {POSTGRES_PASSWORD: secret}
                volumes: [pgdata:/var/lib/postgresql/data]
                memory: 512M
                cpu: 1
                publish:
                  DATABASE_URL: postgres://postgres:secret@${host}:${port}/postgres
            nodes:
              web:
                dockerfile: Dockerfile
                run: ./server
                port: 8080
                domains: [shop.example.com, www.shop.example.com]
                scale: 2
                memory: 256M
                cpu: 0.5
                health: {path: /up, interval: 1s, timeout: 2s, deadline: 60s}
                restart: {policy: on-failure, max: 10, backoff: 1s}
                depends: [db]
                tags: [ssd]
                hooks: {release: ./migrate}
              worker:
                run: ./worker
                scale: 1
            """;

    @Test
    void readsEveryKeyOfTheSpecExample() {
        StackSpec stack = Specs.parse(SPEC_EXAMPLE);

        assertEquals("shop", stack.name());
        assertEquals(Map.of("RACK_ENV", "production"), stack.env());
        assertEquals(5, stack.keepReleases());
        ServiceSpec db = stack.services().get("db");
        assertEquals("postgres:16", db.container().image());
        assertEquals(RuntimeKind.DOCKER, db.runtime());
        assertEquals(5432, db.container().port());
        assertEquals(List.of(new VolumeSpec("pgdata", "/var/lib/postgresql/data", false)), db.volumes());
        assertEquals(512, db.container().memory().mebibytes());
        assertEquals(1000, db.container().cpu().millicores());
        assertEquals("postgres://postgres:secret@${host}:${port}/postgres", db.publish().get("DATABASE_URL"));
        NodeSpec web = stack.nodes().get("web");
        assertEquals(RuntimeKind.DOCKER, web.runtime());
        assertEquals("Dockerfile", web.dockerfile());
        assertEquals(List.of("shop.example.com", "www.shop.example.com"), web.domains());
        assertEquals(2, web.scale());
        assertEquals(500, web.container().cpu().millicores());
        assertEquals(new HealthSpec("/up", Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(60)),
                web.container().health());
        assertEquals(new RestartSpec(RestartPolicy.ON_FAILURE, 10, Duration.ofSeconds(1)), web.container().restart());
        assertEquals(List.of("db"), web.container().depends());
        assertEquals(List.of("ssd"), web.container().tags());
        assertEquals("./migrate", web.releaseHook());
        assertEquals(List.of("web", "worker"), List.copyOf(stack.nodes().keySet()));
    }

    @Test
    void fillsDefaultsForAShortFile() {
        StackSpec stack = Specs.parse("nodes:\n  worker:\n    run: ./worker\n");

        assertEquals("shop", stack.name(), "the default name is the repository's");
        assertEquals(StackSpec.DEFAULT_KEEP_RELEASES, stack.keepReleases());
        NodeSpec worker = stack.nodes().get("worker");
        assertEquals(RuntimeKind.PROCESS, worker.runtime());
        assertEquals(1, worker.scale());
        assertEquals(256, worker.container().memory().mebibytes());
        assertEquals(250, worker.container().cpu().millicores());
        assertEquals(RestartSpec.DEFAULT, worker.container().restart());
        assertNull(worker.container().health());
        assertEquals(HealthSpec.DEFAULT_GRACE, worker.container().readiness().readyAfter(),
                "a node without a port is ready after 2 s without exiting");
        assertFalse(worker.container().readiness().checksHttp());
        assertNull(worker.container().port());
    }

    @Test
    void aContainerWithoutAPortIsReadyByGraceAndOneWithAPortByItsPort() {
        StackSpec stack = Specs.parse("""
                nodes:
                  worker: {run: ./worker, health: {grace: 5s, deadline: 20s}}
                  web: {run: ./server, port: 8080}
                """);

        HealthSpec worker = stack.nodes().get("worker").container().health();
        assertEquals(new HealthSpec(null, HealthSpec.DEFAULT_INTERVAL, HealthSpec.DEFAULT_TIMEOUT,
                Duration.ofSeconds(20), Duration.ofSeconds(5)), worker);
        assertFalse(worker.checksHttp());
        assertNull(stack.nodes().get("web").container().readiness(), "a node with a port is ready once it accepts");
    }

    @Test
    void acceptsShortFormsOfHealthRestartAndLists() {
        StackSpec stack = Specs.parse("""
                nodes:
                  web:
                    run: ./server
                    port: 8080
                    health: /up
                    restart: never
                    domains: shop.example.com
                    build: make
                    cpu: 1500m
                    memory: 1g
                """);
        NodeSpec web = stack.nodes().get("web");

        assertEquals("/up", web.container().health().path());
        assertEquals(HealthSpec.DEFAULT_DEADLINE, web.container().health().deadline());
        assertEquals(RestartPolicy.NEVER, web.container().restart().policy());
        assertEquals(List.of("shop.example.com"), web.domains());
        assertEquals(List.of("make"), web.build());
        assertEquals(1500, web.container().cpu().millicores());
        assertEquals(1024, web.container().memory().mebibytes());
    }

    @Test
    void mergeKeysShareSettingsAndExplicitKeysWin() {
        StackSpec stack = Specs.parse("""
                nodes:
                  web: &base {run: ./server, memory: 128M, cpu: 0.1}
                  worker: {<<: *base, run: ./worker, memory: 64M}
                """);
        NodeSpec worker = stack.nodes().get("worker");

        assertEquals("./worker", worker.container().run());
        assertEquals(64, worker.container().memory().mebibytes());
        assertEquals(100, worker.container().cpu().millicores());
    }

    @Test
    void keepsEnvValuesAsWritten() {
        StackSpec stack = Specs.parse("env: {PORT_BASE: 8000, DEBUG: yes, RATIO: 0.50, EMPTY: \"\"}\nnodes: {w: {run: x}}\n");

        assertEquals(Map.of("PORT_BASE", "8000", "DEBUG", "yes", "RATIO", "0.50", "EMPTY", ""), stack.env());
    }

    @Test
    void aPushedFileMayOnlyNameItsOwnApp() {
        byte[] yaml = "name: blog\nnodes: {web: {run: ./server}}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        ParseResult.Invalid invalid = (ParseResult.Invalid) QuarryFile.parseForApp("quarry.yml", yaml, "shop");

        assertEquals("quarry.yml:1:7: name: is \"blog\" but this push goes to shop; remove name: or push to the stack it"
                + " names\n", invalid.report());
        assertEquals("blog", ((ParseResult.Parsed) QuarryFile.parseForApp("quarry.yml", yaml, "blog")).spec().name());
    }

    @Test
    void readsLivenessWithItsDefaults() {
        StackSpec stack = Specs.parse("""
                services:
                  db:
                    image: postgres:16
                    port: 5432
                nodes:
                  web:
                    run: ./server
                    port: 8080
                    liveness: {interval: 5s, failures: 4}
                  api:
                    run: ./api
                    port: 8081
                    liveness: {path: /alive, timeout: 1s}
                """);

        assertEquals(new dev.quarry.compiler.spec.LivenessSpec(null, java.time.Duration.ofSeconds(5),
                dev.quarry.compiler.spec.LivenessSpec.DEFAULT_TIMEOUT, 4), stack.nodes().get("web").container().liveness());
        assertEquals(new dev.quarry.compiler.spec.LivenessSpec("/alive",
                dev.quarry.compiler.spec.LivenessSpec.DEFAULT_INTERVAL, java.time.Duration.ofSeconds(1), 3),
                stack.nodes().get("api").container().liveness());
        assertNull(stack.services().get("db").container().liveness());
        assertEquals(dev.quarry.compiler.spec.LivenessSpec.DEFAULT,
                stack.services().get("db").container().livenessOrDefault());
    }
}
