package dev.quarry.pacific.digitalocean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.pacific.fakes.ScriptedProbe;
import dev.quarry.pacific.provider.CloudFailure;
import dev.quarry.pacific.provider.ServerRequest;
import dev.quarry.pacific.provider.ServerSize;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 429 waits until RateLimit-Reset, 5xx backs off exponentially, both a bounded number of times; 4xx fails at once. */
class DigitalOceanRetryTest extends StandInTest {
    private static final ServerRequest SMALL = ServerRequest.of(ServerSize.of(1024, 1000));

    @Test
    void aRateLimitedCallWaitsUntilRateLimitResetThenSucceeds() throws Exception {
        fixture.standIn.queueRateLimit("GET /v2/sizes", fixture.clock.instant().plusSeconds(37));

        fixture.provider(ScriptedProbe.answeringAtTry(1)).add(SMALL);

        assertEquals(Duration.ofSeconds(37), fixture.sleeper.pauses().getFirst());
        assertEquals(3, fixture.standIn.requests("GET /v2/sizes").size());
        assertEquals(1, fixture.cloud().droplets().size());
    }

    @Test
    void serverErrorsAreRetriedWithExponentialBackoff() throws Exception {
        fixture.standIn.queueServerError("GET /v2/sizes", 500);
        fixture.standIn.queueServerError("GET /v2/sizes", 502);
        fixture.standIn.queueServerError("GET /v2/sizes", 503);

        fixture.provider(ScriptedProbe.answeringAtTry(1)).add(SMALL);

        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)),
                fixture.sleeper.pauses().subList(0, 3));
        assertEquals(1, fixture.cloud().droplets().size());
    }

    @Test
    void aGatewayErrorWithAnHtmlBodyIsRetriedToo() throws Exception {
        fixture.standIn.queue("GET /v2/sizes", 502, "<html><body>502 Bad Gateway</body></html>", Map.of());

        fixture.provider(ScriptedProbe.answeringAtTry(1)).add(SMALL);

        assertEquals(Duration.ofSeconds(1), fixture.sleeper.pauses().getFirst());
        assertEquals(1, fixture.cloud().droplets().size());
    }

    @Test
    void aCreateWhoseAnswerIsLostIsFoundByNameAndNotMadeTwice() throws Exception {
        fixture.cloud().loseNextCreateAnswer();

        var server = fixture.provider(ScriptedProbe.answeringAtTry(1)).add(SMALL);

        assertEquals(1, fixture.standIn.requests("POST /v2/droplets").size());
        assertEquals(1, fixture.cloud().droplets().size());
        assertEquals(String.valueOf(fixture.cloud().droplets().getFirst().id), server.id());
    }

    @Test
    void aCreateWhoseAnswerCannotBeReadIsFoundByName() throws Exception {
        fixture.cloud().answerNextCreateWith(202, "{\"droplet\": {\"id\": ");

        var server = fixture.provider(ScriptedProbe.answeringAtTry(1)).add(SMALL);

        assertEquals(1, fixture.standIn.requests("POST /v2/droplets").size());
        assertEquals(String.valueOf(fixture.cloud().droplets().getFirst().id), server.id());
    }

    @Test
    void anIdTheClientMangledNeverLeadsToAnotherDroplet() throws Exception {
        int mangled = (int) 99999999999L;
        fixture.cloud().add(mangled, "production-database", "active", List.of("production"));
        fixture.cloud().answerNextCreateWith(202, "{\"droplet\": {\"id\": 99999999999, \"name\": "
                + "\"quarry-main-qu7e2k\", \"status\": \"new\"}}");
        var provider = fixture.provider(ScriptedProbe.answeringAtTry(1));

        CloudFailure failure = assertThrows(CloudFailure.class, () -> provider.add(SMALL));

        assertEquals("pacific: the id DigitalOcean gave droplet quarry-main-qu7e2k did not come through intact (id "
                + mangled + " is droplet production-database; the API client reads ids as 32-bit numbers); so pacific "
                + "destroyed nothing: destroy droplet quarry-main-qu7e2k in DigitalOcean's control panel if it exists",
                failure.getMessage());
        assertEquals(List.of(), fixture.standIn.requests("DELETE"));
    }

    @Test
    void anUnreadableCreateAnswerForADropletThatIsNotThereSaysToLookForIt() throws Exception {
        fixture.standIn.queue("POST /v2/droplets", 202, "{\"droplet\": [", Map.of());
        var provider = fixture.provider(ScriptedProbe.answeringAtTry(1));

        CloudFailure failure = assertThrows(CloudFailure.class, () -> provider.add(SMALL));

        assertEquals("pacific: DigitalOcean's answer to create droplet quarry-main-qu7e2k could not be read (202: an "
                + "answer the API client could not read); it may exist all the same: destroy droplet "
                + "quarry-main-qu7e2k in DigitalOcean's control panel if it does", failure.getMessage());
        assertEquals(1, fixture.standIn.requests("POST /v2/droplets").size());
    }

    @Test
    void aCreateThatFailedWithAServerErrorIsTriedAgainOnce() throws Exception {
        fixture.standIn.queueServerError("POST /v2/droplets", 500);

        fixture.provider(ScriptedProbe.answeringAtTry(1)).add(SMALL);

        assertEquals(2, fixture.standIn.requests("POST /v2/droplets").size());
        assertEquals(1, fixture.cloud().droplets().size());
    }

    @Test
    void serverErrorsGiveUpAfterSixTriesWithOneLine() throws Exception {
        for (int i = 0; i < 6; i++) {
            fixture.standIn.queueServerError("GET /v2/sizes", 503);
        }
        var provider = fixture.provider(ScriptedProbe.answeringAtTry(1));

        CloudFailure failure = assertThrows(CloudFailure.class, () -> provider.add(SMALL));

        assertEquals("pacific: DigitalOcean did not list droplet sizes after 6 tries (last: 503 server_error: "
                + "Unexpected server-side error); try again later", failure.getMessage());
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L),
                fixture.sleeper.pauses().stream().map(Duration::toSeconds).toList());
        assertEquals(List.of(), fixture.standIn.requests("POST"));
        NoTokenLeaks.assertCleanMessage(failure.getMessage());
    }

    @Test
    void aRateLimitThatLastsGivesUpWithOneLine() throws Exception {
        for (int i = 0; i < 6; i++) {
            fixture.standIn.queueRateLimit("GET /v2/droplets", fixture.clock.instant().plusSeconds(10));
        }
        var provider = fixture.provider(ScriptedProbe.answeringAtTry(1));

        CloudFailure failure = assertThrows(CloudFailure.class, provider::list);

        assertEquals("pacific: DigitalOcean did not list droplets tagged quarry after 6 tries (last: 429 "
                + "too_many_requests: API Rate limit exceeded.); try again later", failure.getMessage());
        assertEquals(5, fixture.sleeper.pauses().size());
    }

    @Test
    void aWrongTokenIsRefusedAtOnceAndNeverShown() throws Exception {
        String wrong = "dop_v1_wrongwrongwrongwrongwrongwrongwrongwrongwrongwrongwrongwrongwr";
        var provider = fixture.provider(ScriptedProbe.answeringAtTry(1), wrong);

        CloudFailure failure = assertThrows(CloudFailure.class, () -> provider.add(SMALL));

        assertEquals("pacific: DigitalOcean refused to list droplet sizes (401 unauthorized: Unable to authenticate "
                + "you); put a valid API token in etc/cloud/digitalocean-token", failure.getMessage());
        assertEquals(List.of(), fixture.sleeper.pauses());
        NoTokenLeaks.assertCleanMessage(failure.getMessage());
    }
}
