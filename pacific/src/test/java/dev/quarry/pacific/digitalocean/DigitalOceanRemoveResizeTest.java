package dev.quarry.pacific.digitalocean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.pacific.fakes.ScriptedProbe;
import dev.quarry.pacific.provider.CloudFailure;
import dev.quarry.pacific.provider.ProviderEvent;
import dev.quarry.pacific.provider.Server;
import dev.quarry.pacific.provider.ServerRequest;
import dev.quarry.pacific.provider.ServerSize;
import dev.quarry.pacific.provider.ServerState;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** remove destroys (404 is already gone), resize powers off, resizes and powers on; neither touches others' droplets. */
class DigitalOceanRemoveResizeTest extends StandInTest {
    private DigitalOceanProvider provider;

    @BeforeEach
    void start() throws Exception {
        provider = fixture.provider(ScriptedProbe.answeringAtTry(1));
    }

    @Test
    void removeDestroysTheDropletAndTellsListeners() throws Exception {
        Server server = provider.add(ServerRequest.of(ServerSize.of(1024, 1000)));

        provider.remove(server.id());

        assertEquals(List.of("DELETE /v2/droplets/" + server.id()), lines(fixture.standIn.requests("DELETE")));
        assertEquals(List.of(), fixture.cloud().droplets());
        ProviderEvent.Removed removed = assertInstanceOf(ProviderEvent.Removed.class, fixture.events.getLast());
        assertEquals("removed server " + server.name() + " (id " + server.id() + ")", removed.describe());
    }

    @Test
    void removingADropletThatIsAlreadyGoneSucceedsQuietly() throws Exception {
        provider.remove("3164999");

        assertEquals(List.of("GET /v2/droplets/3164999"), lines(fixture.standIn.requests()));
        assertEquals(List.of(), fixture.events);
    }

    @Test
    void aDeleteAnswered404CountsAsRemoved() throws Exception {
        int id = fixture.cloud().add("quarry-main-aaaaaa", "active", List.of("quarry", "main"));
        fixture.standIn.queue("DELETE /v2/droplets/", 404,
                "{\"id\":\"not_found\",\"message\":\"The resource you were accessing could not be found.\"}",
                Map.of());

        provider.remove(String.valueOf(id));

        assertEquals(1, fixture.standIn.requests("DELETE").size());
        assertEquals(List.of(), fixture.events);
    }

    @Test
    void removeRefusesADropletThatIsNotThisGrids() throws Exception {
        int id = fixture.cloud().add("someone-elses-database", "active", List.of("production"));

        CloudFailure failure = assertThrows(CloudFailure.class, () -> provider.remove(String.valueOf(id)));

        assertEquals("pacific: droplet " + id + " (someone-elses-database) is not a server of grid main (it lacks "
                + "the tags quarry and main); pacific only changes droplets it made", failure.getMessage());
        assertEquals(List.of(), fixture.standIn.requests("DELETE"));
    }

    @Test
    void removeRefusesAnIdThatIsNotADropletId() {
        CloudFailure failure = assertThrows(CloudFailure.class, () -> provider.remove("local-1"));

        assertEquals("pacific: \"local-1\" is not a DigitalOcean droplet id (a number such as 3164494); "
                + "`quarry servers` lists the ids", failure.getMessage());
    }

    @Test
    void resumePowersOnADropletThatIsOffAndLeavesOneThatRuns() throws Exception {
        int off = fixture.cloud().add("quarry-main-offoff", "off", List.of("quarry", "main"));
        int on = fixture.cloud().add("quarry-main-ononon", "active", List.of("quarry", "main"));

        Server resumed = provider.resume(String.valueOf(off));
        Server running = provider.resume(String.valueOf(on));

        assertEquals(ServerState.ACTIVE, resumed.state());
        assertEquals(ServerState.ACTIVE, running.state());
        assertEquals(List.of("{\"type\":\"power_on\"}"), fixture.standIn.requests("POST /v2/droplets/" + off
                + "/actions").stream().map(request -> request.json().toString()).toList());
        assertEquals(List.of(), fixture.standIn.requests("POST /v2/droplets/" + on + "/actions"));
    }

    @Test
    void resizePowersOffResizesAndPowersOnWaitingForEachAction() throws Exception {
        Server small = provider.add(ServerRequest.of(ServerSize.of(1024, 1000)));

        Server big = provider.resize(small.id(), ServerSize.of(4096, 2000));

        List<StandInRequest> actions = fixture.standIn.requests("POST /v2/droplets/" + small.id() + "/actions");
        assertEquals(List.of("{\"type\":\"power_off\"}", "{\"type\":\"resize\",\"size\":\"s-2vcpu-4gb\"}",
                "{\"type\":\"power_on\"}"), actions.stream().map(request -> request.json().toString()).toList());
        assertEquals(6, fixture.standIn.requests("GET /v2/actions/").size());
        assertEquals(ServerSize.of(4096, 2000), big.size());
        assertEquals(new BigDecimal("0.03571"), big.hourlyPrice());
        assertEquals(ServerState.ACTIVE, big.state());
        assertEquals("s-2vcpu-4gb", fixture.cloud().droplets().getFirst().sizeSlug);
        ProviderEvent.Resized resized = assertInstanceOf(ProviderEvent.Resized.class, fixture.events.getLast());
        assertEquals("resized server " + small.name() + " (id " + small.id() + ") from 1024M,1000m to 4096M,2000m, "
                + "$0.03571/h", resized.describe());
    }

    @Test
    void resizingToTheSizeItHasChangesNothing() throws Exception {
        Server small = provider.add(ServerRequest.of(ServerSize.of(1024, 1000)));

        Server same = provider.resize(small.id(), ServerSize.of(1000, 500));

        assertEquals(small.withAgentHostKey(""), same, "the same server; its host key is known only in add's answer");
        assertEquals(List.of(), fixture.standIn.requests("POST /v2/droplets/"));
        assertEquals(1, fixture.events.size());
    }

    @Test
    void aRefusedResizePowersTheDropletBackOn() throws Exception {
        Server small = provider.add(ServerRequest.of(ServerSize.of(1024, 1000)));
        fixture.standIn.queue("POST /v2/droplets/" + small.id() + "/actions", 201,
                "{\"action\":{\"id\":1,\"status\":\"completed\",\"type\":\"power_off\",\"resource_id\":"
                        + small.id() + ",\"resource_type\":\"droplet\"}}", Map.of());

        CloudFailure failure = assertThrows(CloudFailure.class, () -> provider.resize(small.id(),
                ServerSize.of(4096, 2000)));

        assertEquals("pacific: DigitalOcean refused to resize droplet " + small.id() + " to s-2vcpu-4gb (422 "
                + "unprocessable_entity: Droplet is currently on. Please power it off to run this event.); check "
                + "region, image and the requested size in etc/cloud/digitalocean.json; powered droplet " + small.id()
                + " back on at its old size", failure.getMessage());
        assertEquals("power_on", fixture.standIn.requests("POST /v2/droplets/").getLast().json().path("type").asText());
    }

    private static List<String> lines(List<StandInRequest> requests) {
        return requests.stream().map(StandInRequest::line).toList();
    }
}
