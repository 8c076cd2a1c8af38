package dev.quarry.pacific.digitalocean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.pacific.fakes.ScriptedProbe;
import dev.quarry.pacific.provider.CloudFailure;
import dev.quarry.pacific.provider.ServerRequest;
import dev.quarry.pacific.provider.ServerSize;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A droplet that does not become ready is destroyed, never leaked: the DELETE reaches the stand-in. */
class DigitalOceanCleanupTest extends StandInTest {
    private static final ServerRequest SMALL = ServerRequest.of(ServerSize.of(1024, 1000));

    @Test
    void aDropletThatNeverBecomesActiveIsDestroyed() throws Exception {
        fixture.cloud().neverActive();
        var provider = fixture.provider(ScriptedProbe.answeringAtTry(1));

        CloudFailure failure = assertThrows(CloudFailure.class, () -> provider.add(SMALL));

        int id = onlyCreatedId();
        assertEquals("pacific: droplet quarry-main-qu7e2k (id " + id + ") was still \"new\" after 5m (activeTimeout in "
                + "etc/cloud/digitalocean.json); destroyed it, so nothing is left behind", failure.getMessage());
        assertEquals(List.of("DELETE /v2/droplets/" + id), lines(fixture.standIn.requests("DELETE")));
        assertEquals(List.of(), fixture.cloud().droplets());
        assertEquals(List.of(), fixture.events);
        NoTokenLeaks.assertCleanMessage(failure.getMessage());
    }

    @Test
    void aDropletWhoseAgentNeverAnswersIsDestroyed() throws Exception {
        ScriptedProbe probe = ScriptedProbe.never();
        var provider = fixture.provider(probe);

        CloudFailure failure = assertThrows(CloudFailure.class, () -> provider.add(SMALL));

        int id = onlyCreatedId();
        assertTrue(failure.getMessage().startsWith("pacific: the agent of droplet quarry-main-qu7e2k (id " + id
                + ") at 203.0.113."), failure.getMessage());
        assertTrue(failure.getMessage().contains(":2200 did not answer within 10m (agentTimeout)"), failure.getMessage());
        assertTrue(failure.getMessage().endsWith("; destroyed it, so nothing is left behind"), failure.getMessage());
        assertEquals(List.of("DELETE /v2/droplets/" + id), lines(fixture.standIn.requests("DELETE")));
        assertEquals(List.of(), fixture.cloud().droplets());
        assertEquals(10 * 60 / 5 + 1, probe.asked().size());
        NoTokenLeaks.assertCleanMessage(failure.getMessage());
    }

    @Test
    void anInterruptedWaitDestroysTheDropletAndKeepsTheInterrupt() throws Exception {
        fixture.cloud().neverActive();
        var provider = fixture.provider(ScriptedProbe.answeringAtTry(1));
        fixture.sleeper.interruptAtSleep(2);

        CloudFailure failure = assertThrows(CloudFailure.class, () -> provider.add(SMALL));

        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        int id = onlyCreatedId();
        assertEquals("pacific: interrupted while waiting for droplet quarry-main-qu7e2k (id " + id + ") to become "
                + "ready; destroyed it, so nothing is left behind", failure.getMessage());
        assertEquals(List.of("DELETE /v2/droplets/" + id), lines(fixture.standIn.requests("DELETE")));
        assertEquals(List.of(), fixture.cloud().droplets());
    }

    @Test
    void aDestroyThatFailsTooSaysWhatToDestroyByHand() throws Exception {
        fixture.cloud().neverActive();
        for (int i = 0; i < 6; i++) {
            fixture.standIn.queueServerError("DELETE /v2/droplets/", 500);
        }
        var provider = fixture.provider(ScriptedProbe.answeringAtTry(1));

        CloudFailure failure = assertThrows(CloudFailure.class, () -> provider.add(SMALL));

        int id = onlyCreatedId();
        assertTrue(failure.getMessage().endsWith("; destroying it failed too (DigitalOcean did not destroy droplet "
                + id + " after 6 tries (last: 500 server_error: Unexpected server-side error); try again later): "
                + "destroy droplet quarry-main-qu7e2k (id " + id + ") in DigitalOcean's control panel"),
                failure.getMessage());
        NoTokenLeaks.assertCleanMessage(failure.getMessage());
    }

    private int onlyCreatedId() {
        List<StandInRequest> gets = fixture.standIn.requests("GET /v2/droplets/");
        return Integer.parseInt(gets.getFirst().path().substring("/v2/droplets/".length()));
    }

    private static List<String> lines(List<StandInRequest> requests) {
        return requests.stream().map(StandInRequest::line).toList();
    }
}
