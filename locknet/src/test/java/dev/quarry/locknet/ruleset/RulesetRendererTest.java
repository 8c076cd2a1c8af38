package dev.quarry.locknet.ruleset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.locknet.Locknet;
import dev.quarry.locknet.grid.Family;
import dev.quarry.locknet.grid.GridHosts;
import dev.quarry.locknet.grid.LocknetInputException;
import dev.quarry.locknet.grid.Ports;
import dev.quarry.locknet.grid.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RulesetRendererTest {
    private static final GridHosts HOSTS = GridHosts.of("10.0.0.2", "fd00::1", "10.0.0.1");

    @Test
    void rendersTheIpv4DocumentOfARouter() {
        assertEquals("""
                # Quarry locknet, IPv4: load with iptables-restore -w --noflush
                # Changes only Quarry's chains and the jump into them; other tools' rules stay.
                *filter
                :QUARRY-INPUT - [0:0]
                :QUARRY-DOCKER - [0:0]
                -F QUARRY-INPUT
                -A QUARRY-INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
                -A QUARRY-INPUT -i lo -j ACCEPT
                -A QUARRY-INPUT -p udp -m udp --sport 67 --dport 68 -j ACCEPT
                -A QUARRY-INPUT -p tcp -m tcp --dport 22 -j ACCEPT
                -A QUARRY-INPUT -p tcp -m tcp --dport 80 -j ACCEPT
                -A QUARRY-INPUT -p tcp -m tcp --dport 443 -j ACCEPT
                -A QUARRY-INPUT -p tcp -m tcp --dport 2200 -j ACCEPT
                -A QUARRY-INPUT -s 10.0.0.1/32 -j ACCEPT
                -A QUARRY-INPUT -s 10.0.0.2/32 -j ACCEPT
                -A QUARRY-INPUT -j DROP
                -F QUARRY-DOCKER
                -A QUARRY-DOCKER -m conntrack --ctstate ESTABLISHED,RELATED -j RETURN
                -A QUARRY-DOCKER -m conntrack ! --ctstate DNAT -j RETURN
                -A QUARRY-DOCKER -i docker+ -j RETURN
                -A QUARRY-DOCKER -i br-+ -j RETURN
                -A QUARRY-DOCKER -p tcp -m conntrack --ctorigdstport 22 -j RETURN
                -A QUARRY-DOCKER -p tcp -m conntrack --ctorigdstport 80 -j RETURN
                -A QUARRY-DOCKER -p tcp -m conntrack --ctorigdstport 443 -j RETURN
                -A QUARRY-DOCKER -p tcp -m conntrack --ctorigdstport 2200 -j RETURN
                -A QUARRY-DOCKER -s 10.0.0.1/32 -j RETURN
                -A QUARRY-DOCKER -s 10.0.0.2/32 -j RETURN
                -A QUARRY-DOCKER -j DROP
                -I INPUT 1 -j QUARRY-INPUT
                COMMIT
                """, Locknet.document(Locknet.ruleset(HOSTS, Set.of(Role.ROUTER), Ports.DEFAULT), Family.IPV4));
    }

    @Test
    void rendersTheIpv6InputChainWithNeighbourDiscovery() {
        Chain input = Locknet.ruleset(HOSTS, Set.of(Role.SERVER), Ports.DEFAULT).ipv6().chains().getFirst();
        assertEquals(List.of(
                "-m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT",
                "-i lo -j ACCEPT",
                "-p ipv6-icmp -m icmp6 --icmpv6-type router-solicitation -j ACCEPT",
                "-p ipv6-icmp -m icmp6 --icmpv6-type router-advertisement -j ACCEPT",
                "-p ipv6-icmp -m icmp6 --icmpv6-type neighbour-solicitation -j ACCEPT",
                "-p ipv6-icmp -m icmp6 --icmpv6-type neighbour-advertisement -j ACCEPT",
                "-p udp -m udp --sport 547 --dport 546 -j ACCEPT",
                "-p tcp -m tcp --dport 22 -j ACCEPT",
                "-p tcp -m tcp --dport 2200 -j ACCEPT",
                "-s fd00::1/128 -j ACCEPT",
                "-j DROP"), input.rules().stream().map(Rule::specification).toList());
    }

    @Test
    void theSameGridGivesTheSameRulesetWhateverTheOrder() {
        Ruleset one = Locknet.ruleset(GridHosts.of("10.0.0.1", "10.0.0.2", "fd00::1"), Set.of(Role.ROUTER, Role.HQ), Ports.DEFAULT);
        Ruleset other = Locknet.ruleset(GridHosts.of("fd00::1", "10.0.0.2", "10.0.0.1", "10.0.0.2"), Set.of(Role.HQ, Role.ROUTER), Ports.DEFAULT);
        assertEquals(one, other);
        assertEquals(Locknet.document(one, Family.IPV4), Locknet.document(other, Family.IPV4));
    }

    @Test
    void eachRoleOpensItsOwnPorts() {
        Ports ports = new Ports(2022, 3333, 4444);
        assertEquals(Set.of(2022, 4444), PublicPorts.of(Set.of(), ports));
        assertEquals(Set.of(2022, 4444), PublicPorts.of(Set.of(Role.SERVER), ports));
        assertEquals(Set.of(2022, 3333, 4444), PublicPorts.of(Set.of(Role.HQ), ports));
        assertEquals(Set.of(80, 443, 2022, 4444), PublicPorts.of(Set.of(Role.ROUTER), ports));
        assertEquals(List.of(80, 443, 2022, 3333, 4444), List.copyOf(PublicPorts.of(Set.of(Role.ROUTER, Role.HQ), ports)));
    }

    @Test
    void hooksLeadFromInputAndDockerUser() {
        FamilyRuleset ipv4 = Locknet.ruleset(HOSTS, Set.of(), Ports.DEFAULT).ipv4();
        assertEquals(List.of(Hook.INPUT, Hook.DOCKER_USER), ipv4.hooks());
        assertEquals(List.of("QUARRY-INPUT", "QUARRY-DOCKER"), ipv4.chains().stream().map(Chain::name).toList());
    }

    @Test
    void aRuleIsMadeOfPlainWordsOnly() {
        assertEquals("locknet: rule argument \"ACCEPT\\n-A INPUT\" is not a plain word of letters, digits and ._:/,+!-",
                assertThrows(LocknetInputException.class, () -> Rule.of("-j", "ACCEPT\n-A INPUT")).getMessage());
        assertThrows(LocknetInputException.class, () -> Rule.of("-m", "comment", "--comment", "two words"));
        assertThrows(LocknetInputException.class, () -> Rule.of("-j", ""));
        assertThrows(LocknetInputException.class, () -> new Rule(List.of()));
    }

    @Test
    void onlyQuarrysChainsCanBeBuilt() {
        assertEquals("locknet: chain \"INPUT\" is not one of Quarry's; its name must be QUARRY- and capital letters",
                assertThrows(LocknetInputException.class, () -> new Chain("INPUT", List.of())).getMessage());
        assertThrows(LocknetInputException.class, () -> new Chain("DOCKER-USER", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Hook("QUARRY-INPUT", "QUARRY-DOCKER"));
        assertThrows(IllegalArgumentException.class, () -> new Hook("INPUT", "ACCEPT"));
    }
}
