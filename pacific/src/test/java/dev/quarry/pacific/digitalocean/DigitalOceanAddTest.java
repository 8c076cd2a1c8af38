package dev.quarry.pacific.digitalocean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.pacific.fakes.CapturedLogs;
import dev.quarry.pacific.fakes.ScriptedProbe;
import dev.quarry.pacific.provider.CloudFailure;
import dev.quarry.pacific.provider.ProviderEvent;
import dev.quarry.pacific.provider.Server;
import dev.quarry.pacific.provider.ServerRequest;
import dev.quarry.pacific.provider.ServerSize;
import dev.quarry.pacific.provider.ServerState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** add and list against the loopback stand-in: what the provider sends, and the server it returns. */
class DigitalOceanAddTest extends StandInTest {

    @Test
    void addCreatesTheSmallestFittingDropletTaggedWithUserDataAndWaitsForItsAgent() throws Exception {
        ScriptedProbe probe = ScriptedProbe.answeringAtTry(3);
        Server server = fixture.provider(probe).add(new ServerRequest(ServerSize.of(2048, 1500), Set.of("ssd")));

        List<StandInRequest> creates = fixture.standIn.requests("POST /v2/droplets");
        assertEquals(1, creates.size());
        JsonNode body = creates.getFirst().json();
        assertTrue(body.path("name").asText().matches("quarry-main-[a-z0-9]{6}"), body.path("name").asText());
        assertEquals("s-2vcpu-2gb", body.path("size").asText());
        assertEquals("fra1", body.path("region").asText());
        assertEquals("debian-13-x64", body.path("image").asText());
        assertEquals(List.of("quarry", "main", "quarry:ssd"), texts(body.path("tags")));
        String userData = body.path("user_data").asText();
        java.util.regex.Matcher pem = java.util.regex.Pattern.compile(
                "-----BEGIN EC PRIVATE KEY-----\n(      [A-Za-z0-9+/=]+\n)+      -----END EC PRIVATE KEY-----\n")
                .matcher(userData);
        assertTrue(pem.find(), "the agent's host key travels in the user data");
        String hostKey = pem.group().replace("      ", "");
        assertEquals(CloudInitUserData.render(StandInFixture.SETTINGS, StandInFixture.HQ_KEY, hostKey), userData);
        assertTrue(server.agentHostKey().matches("ecdsa-sha2-nistp256 AAAA[A-Za-z0-9+/=]+"), server.agentHostKey());
        assertFalse(server.toString().contains("PRIVATE KEY"));
        assertTrue(userData.contains(StandInFixture.HQ_KEY.line()));
        assertFalse(userData.contains(StandInFixture.TOKEN));

        assertEquals(body.path("name").asText(), server.name());
        assertEquals("203.0.113." + (10 + Integer.parseInt(server.id()) % 200), server.address());
        assertEquals(2200, server.agentPort());
        assertEquals(ServerSize.of(2048, 2000), server.size());
        assertEquals(Set.of("ssd"), server.tags());
        assertEquals(new BigDecimal("0.02679"), server.hourlyPrice());
        assertEquals(ServerState.ACTIVE, server.state());
        assertEquals(List.of(server.address() + ":2200", server.address() + ":2200", server.address() + ":2200"),
                probe.asked());
        ProviderEvent.Added added = assertInstanceOf(ProviderEvent.Added.class, fixture.events.getFirst());
        assertEquals("added server " + server.name() + " (id " + server.id() + ", " + server.address()
                + ":2200, 2048M,2000m, tags ssd, $0.02679/h, active)", added.describe());
        assertTrue(CapturedLogs.lines().contains("INFO dev.quarry.pacific.provider.ProviderListeners pacific: "
                + added.describe()), "the logs are captured, so the token checks on them mean something");
    }

    @Test
    void everyRequestCarriesTheBearerTokenAndGoesToTheApiHostOnLoopbackOnly() throws Exception {
        fixture.provider(ScriptedProbe.answeringAtTry(1)).add(ServerRequest.of(ServerSize.of(512, 1000)));

        List<StandInRequest> requests = fixture.standIn.requests();
        assertTrue(requests.size() >= 4, requests.toString());
        for (StandInRequest request : requests) {
            assertEquals("Bearer " + StandInFixture.TOKEN, request.header("Authorization"), request.line());
            assertTrue(request.header("Host").startsWith("api.digitalocean.com"), request.header("Host"));
        }
        assertEquals(List.of("GET /v2/sizes", "GET /v2/sizes", "POST /v2/droplets"),
                requests.subList(0, 3).stream().map(StandInRequest::line).toList());
        assertEquals("s-1vcpu-512mb-10gb", requests.get(2).json().path("size").asText());
    }

    @Test
    void listShowsOnlyThisGridsDroplets() throws Exception {
        StandInCloud cloud = fixture.cloud();
        int mine = cloud.add("quarry-main-aaaaaa", "active", List.of("quarry", "main", "quarry:ssd"));
        cloud.add("quarry-other-bbbbbb", "active", List.of("quarry", "other"));
        cloud.add("someone-elses", "active", List.of("main"));
        int off = cloud.add("quarry-main-cccccc", "off", List.of("quarry", "main"));

        List<Server> servers = fixture.provider(ScriptedProbe.never()).list();

        assertEquals(List.of(String.valueOf(mine), String.valueOf(off)), servers.stream().map(Server::id).toList());
        assertEquals(Set.of("ssd"), servers.get(0).tags());
        assertEquals(ServerState.ACTIVE, servers.get(0).state());
        assertEquals(ServerState.OFF, servers.get(1).state());
        assertEquals(new BigDecimal("0.00893"), servers.get(0).hourlyPrice());
        assertEquals(ServerSize.of(1024, 1000), servers.get(0).size());
    }

    @Test
    void aRequestNoSizeFitsFailsBeforeAnythingIsCreated() throws Exception {
        var provider = fixture.provider(ScriptedProbe.answeringAtTry(1));
        CloudFailure failure = assertThrows(CloudFailure.class,
                () -> provider.add(ServerRequest.of(ServerSize.of(65536, 16000))));

        assertEquals("pacific: no DigitalOcean size in region fra1 has 65536M,16000m (the largest there is "
                + "s-8vcpu-32gb-640gb-intel (32768M,8000m, $0.28571/h)); ask for less memory or cpu in quarry.yml, "
                + "or set another region in etc/cloud/digitalocean.json", failure.getMessage());
        assertEquals(List.of(), fixture.standIn.requests("POST"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
