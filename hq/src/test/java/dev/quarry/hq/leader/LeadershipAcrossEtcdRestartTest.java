package dev.quarry.hq.leader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.hq.etcd.EtcdConnection;
import dev.quarry.testsupport.EtcdServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** etcd goes away for longer than the TTL: nobody leads meanwhile, and one HQ leads again once it is back. */
class LeadershipAcrossEtcdRestartTest {
    private static final Duration TTL = Duration.ofSeconds(2);

    @Test
    void nobodyLeadsWhileEtcdIsAwayAndOneLeadsAfterItReturns() throws Exception {
        try (EtcdServer etcd = EtcdServer.start();
                EtcdConnection first = EtcdConnection.open(etcd.endpoint(), Duration.ofSeconds(2));
                EtcdConnection second = EtcdConnection.open(etcd.endpoint(), Duration.ofSeconds(2));
                EtcdLeadership one = EtcdLeadership.start(first, "/quarry/leader/reconciler", TTL);
                EtcdLeadership other = EtcdLeadership.start(second, "/quarry/leader/reconciler", TTL)) {
            Leaders.await(List.of(one, other), Duration.ofSeconds(10));
            etcd.kill();
            Thread.sleep(TTL.plusSeconds(1).toMillis());
            assertEquals(0, Leaders.count(List.of(one, other)), "nobody leads while etcd is away");
            etcd.restart();
            long back = System.nanoTime();
            Leaders.await(List.of(one, other), Duration.ofSeconds(20));
            System.out.println("a leader again " + Duration.ofNanos(System.nanoTime() - back).toMillis()
                    + " ms after etcd came back");
            for (int sample = 0; sample < 10; sample++) {
                assertEquals(1, Leaders.count(List.of(one, other)), "sample " + sample);
                Thread.sleep(100);
            }
        }
    }
}
