package dev.quarry.hq.leader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.hq.etcd.EtcdConnection;
import dev.quarry.testsupport.EtcdServer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two HQs (two etcd clients) campaigning in one election on a real etcd. */
class EtcdLeadershipTest {
    private static final Duration TTL = Duration.ofSeconds(2);
    private static EtcdServer etcd;
    private String election;

    @BeforeAll
    static void startEtcd() {
        etcd = EtcdServer.start();
    }

    @AfterAll
    static void stopEtcd() {
        etcd.close();
    }

    @BeforeEach
    void freshElection() {
        election = "/quarry-test/leader/" + UUID.randomUUID();
    }

    @Test
    void exactlyOneOfTwoLeads() throws Exception {
        try (EtcdConnection first = EtcdConnection.open(etcd.endpoint());
                EtcdConnection second = EtcdConnection.open(etcd.endpoint());
                EtcdLeadership one = EtcdLeadership.start(first, election, TTL);
                EtcdLeadership other = EtcdLeadership.start(second, election, TTL)) {
            Leaders.await(List.of(one, other), Duration.ofSeconds(10));
            for (int sample = 0; sample < 20; sample++) {
                assertEquals(1, Leaders.count(List.of(one, other)), "sample " + sample);
                Thread.sleep(100);
            }
        }
    }

    @Test
    void closingTheLeaderHandsTheLeadToTheOtherWithinTheTtl() throws Exception {
        try (EtcdConnection first = EtcdConnection.open(etcd.endpoint());
                EtcdConnection second = EtcdConnection.open(etcd.endpoint());
                EtcdLeadership one = EtcdLeadership.start(first, election, TTL);
                EtcdLeadership other = EtcdLeadership.start(second, election, TTL)) {
            EtcdLeadership leader = Leaders.await(List.of(one, other), Duration.ofSeconds(10));
            EtcdLeadership follower = leader == one ? other : one;
            long closed = System.nanoTime();
            leader.close();
            assertFalse(leader.isLeader());
            Leaders.await(List.of(follower), TTL);
            System.out.println("the lead moved " + Duration.ofNanos(System.nanoTime() - closed).toMillis()
                    + " ms after the leader closed");
        }
    }

    @Test
    void aLeaderThatStopsRenewingIsReplacedAfterTheTtl() throws Exception {
        EtcdConnection dying = EtcdConnection.open(etcd.endpoint());
        try (EtcdConnection survivor = EtcdConnection.open(etcd.endpoint());
                EtcdLeadership one = EtcdLeadership.start(dying, election, TTL)) {
            Leaders.await(List.of(one), Duration.ofSeconds(10));
            try (EtcdLeadership other = EtcdLeadership.start(survivor, election, TTL)) {
                Thread.sleep(500);
                assertFalse(other.isLeader(), "the first still leads");
                long died = System.nanoTime();
                dying.close();
                Leaders.await(List.of(other), TTL.plusSeconds(3));
                assertFalse(one.isLeader());
                System.out.println("a silent leader was replaced after "
                        + Duration.ofNanos(System.nanoTime() - died).toMillis() + " ms");
            }
        }
    }

    @Test
    void soleLeadershipAlwaysLeads() {
        assertTrue(new SoleLeadership().isLeader());
    }
}
