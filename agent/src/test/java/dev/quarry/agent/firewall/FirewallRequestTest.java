package dev.quarry.agent.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.agent.protocol.AgentJson;
import dev.quarry.agent.protocol.BadRequest;
import dev.quarry.locknet.Locknet;
import dev.quarry.locknet.grid.Ports;
import dev.quarry.locknet.grid.Role;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** locknet-apply's request as the agent reads it: addresses only, bounded, canonical; and the answers' JSON. */
class FirewallRequestTest {

    @Test
    void addressesBecomeCanonicalSortedAndUniqueAndTheRestDefaults() {
        FirewallRequest request = AgentJson.read("{\"hosts\":[\"10.0.0.2\",\"FD00:0::1\",\"10.0.0.1\",\"10.0.0.2\"]}",
                FirewallRequest.class);

        assertEquals(List.of("10.0.0.1", "10.0.0.2", "fd00::1"), request.hosts());
        assertEquals(Set.of(), request.roles());
        assertEquals(Ports.DEFAULT, request.ports());
        assertEquals(Locknet.DEFAULT_CONFIRM_TIMEOUT, request.confirmTimeout());
    }

    @Test
    void theRequestTravelsAsData() {
        FirewallRequest request = new FirewallRequest(List.of("10.0.0.1"), Set.of(Role.ROUTER, Role.HQ),
                new Ports(22, 2222, 2201), Duration.ofSeconds(2));

        String json = AgentJson.write(request);

        assertEquals("{\"hosts\":[\"10.0.0.1\"],\"roles\":[\"router\",\"hq\"],\"ports\":{\"ssh\":22,\"hq\":2222,"
                + "\"agent\":2201},\"confirmTimeout\":\"PT2S\"}", json);
        assertEquals(request, AgentJson.read(json, FirewallRequest.class));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"hosts\":[\"db.example.com\"]}|\"db.example.com\" is not an IPv4 or IPv6 address",
        "{\"hosts\":[\"10.0.0.0/24\"]}|\"10.0.0.0/24\" is not an IPv4 or IPv6 address",
        "{\"hosts\":[]}|hosts: list every grid host's address",
        "{\"hosts\":[\"10.0.0.1\"],\"roles\":[\"web\"]}|must be one of server, router, hq, got \"web\"",
        "{\"hosts\":[\"10.0.0.1\"],\"ports\":{\"ssh\":22,\"hq\":2222,\"agent\":70000}}|agent port 70000 is not",
        "{\"hosts\":[\"10.0.0.1\"],\"confirmTimeout\":\"PT0.5S\"}|confirmTimeout must be from PT1S to PT10M",
        "{\"hosts\":[\"10.0.0.1\"],\"rules\":\"-A INPUT -j ACCEPT\"}|unknown field \"rules\"",
    })
    void anythingButAddressesAndKnownValuesIsRefused(String json, String message) {
        BadRequest refused = assertThrows(BadRequest.class, () -> AgentJson.read(json, FirewallRequest.class));

        assertContains(message, refused.getMessage());
    }

    @Test
    void sizesAreBounded() {
        List<String> tooMany = Collections.nCopies(FirewallRequest.MOST_HOSTS + 1, "10.0.0.1");
        String tooLong = "1".repeat(FirewallRequest.LONGEST_ADDRESS + 1);

        IllegalArgumentException many = assertThrows(IllegalArgumentException.class,
                () -> new FirewallRequest(tooMany, Set.of(), null, null));
        IllegalArgumentException longOne = assertThrows(IllegalArgumentException.class,
                () -> new FirewallRequest(List.of(tooLong), Set.of(), null, null));

        assertEquals("hosts: at most 4096 addresses, got 4097", many.getMessage());
        assertContains("is not an IP address; give addresses such as 10.0.0.1 or fd00::1, no host names",
                longOne.getMessage());
    }

    @Test
    void theAnswersAreOneLineOfJson() {
        FirewallApplied applied = new FirewallApplied(3, Set.of(Role.SERVER), List.of(22, 2200),
                Duration.ofSeconds(15), false);
        FirewallConfirmed confirmed = new FirewallConfirmed(ConfirmOutcome.ROLLED_BACK,
                "not confirmed within 15s; restored the previous rules");

        assertEquals("{\"hosts\":3,\"roles\":[\"server\"],\"publicPorts\":[22,2200],\"confirmTimeout\":\"PT15S\","
                + "\"replacedPending\":false}", AgentJson.write(applied));
        assertEquals("{\"outcome\":\"rolled-back\",\"reason\":\"not confirmed within 15s; restored the previous"
                + " rules\"}", AgentJson.write(confirmed));
        assertEquals(confirmed, AgentJson.read(AgentJson.write(confirmed), FirewallConfirmed.class));
    }

    private static void assertContains(String expected, String actual) {
        if (actual == null || !actual.contains(expected)) {
            throw new AssertionError("expected a message containing <" + expected + "> but was <" + actual + ">");
        }
    }
}
