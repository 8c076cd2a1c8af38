package dev.quarry.agent.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.compiler.spec.HealthSpec;
import dev.quarry.compiler.spec.RestartPolicy;
import dev.quarry.compiler.spec.RestartSpec;
import dev.quarry.compiler.spec.RuntimeKind;
import dev.quarry.compiler.spec.VolumeSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wire format: what HQ writes is what the agent reads, and a wrong request is refused in one line. */
class AgentJsonTest {
    @Test
    void aContainerRequestSurvivesTheRoundTrip() {
        ContainerRequest request = ContainerRequest.builder("shop.db.2.1", "127.0.5.2").image("postgres:16")
                .env("POSTGRES_PASSWORD", "secret").port(5432).memoryMebibytes(512).cpuMillicores(1000)
                .restart(new RestartSpec(RestartPolicy.ON_FAILURE, 10, Duration.ofSeconds(1)))
                .health(new HealthSpec("/up", Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(60)))
                .volume(new VolumeSpec("pgdata", "/var/lib/postgresql/data", false)).label("team", "shop").toRequest();

        String json = AgentJson.write(request);

        assertEquals(request, AgentJson.read(json, ContainerRequest.class));
        assertTrue(json.contains("\"kind\":\"docker\""), json);
        assertTrue(json.contains("\"policy\":\"on-failure\""), json);
        assertTrue(json.contains("\"backoff\":\"PT1S\""), json);
    }

    @Test
    void theSmallestProcessRequestTakesTheDefaults() {
        ContainerRequest request = AgentJson.read("""
                {"id":"shop.web.3.1","stack":"shop","node":"web","release":3,"run":"./server","host":"127.0.0.1"}
                """, ContainerRequest.class);

        assertEquals(RuntimeKind.PROCESS, request.kind());
        assertEquals(RestartSpec.DEFAULT, request.restart());
        assertEquals(null, request.port());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"id\":\"shop.web.3.1\",\"stack\":\"shop\",\"node\":\"web\",\"release\":3,\"run\":\"x\",\"host\":\"db.example\"}"
                + "|cannot read the ContainerRequest: host must be an IP address such as 127.0.5.2, got \"db.example\"",
        "{\"id\":\"Shop.web.3.1\",\"stack\":\"Shop\",\"node\":\"web\",\"release\":3,\"run\":\"x\",\"host\":\"127.0.0.1\"}"
                + "|cannot read the ContainerRequest: stack must be a name of 1 to 63 lowercase letters, digits and"
                + " dashes, not starting with a dash, got \"Shop\"",
        "{\"id\":\"shop.web.3.1\",\"stack\":\"shop\",\"node\":\"web\",\"release\":3,\"run\":\"x\",\"host\":\"127.0.0.1\","
                + "\"colour\":\"red\"}|ContainerRequest: unknown field \"colour\"; known fields: ",
        "{\"id\":\"shop.web.3.1\",\"stack\":\"shop\",\"node\":\"web\",\"release\":3,\"run\":\"x\",\"host\":\"127.0.0.1\","
                + "\"restart\":{\"policy\":\"sometimes\",\"max\":0,\"backoff\":\"PT1S\"}}|cannot read the ContainerRequest:"
                + " policy must be one of always, on-failure, never, got \"sometimes\""})
    void aWrongRequestIsRefusedInOneLine(String json, String message) {
        BadRequest refused = assertThrows(BadRequest.class, () -> AgentJson.read(json, ContainerRequest.class));

        assertTrue(refused.getMessage().startsWith(message), refused.getMessage());
        assertEquals(1, refused.getMessage().lines().count());
    }
}
