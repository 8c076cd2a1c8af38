package dev.quarry.hq.leader;

import java.time.Duration;
import java.util.List;

/** Waiting for a leader among campaigning HQs in tests. */
final class Leaders {
    private Leaders() {}

    /** The one that leads, once exactly one of them does; fails after {@code limit}. */
    static EtcdLeadership await(List<EtcdLeadership> candidates, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() - deadline < 0) {
            List<EtcdLeadership> leaders = candidates.stream().filter(EtcdLeadership::isLeader).toList();
            if (leaders.size() == 1) {
                return leaders.getFirst();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no single leader among " + candidates.size() + " within " + limit.toMillis() + " ms");
    }

    static long count(List<EtcdLeadership> candidates) {
        return candidates.stream().filter(EtcdLeadership::isLeader).count();
    }
}
