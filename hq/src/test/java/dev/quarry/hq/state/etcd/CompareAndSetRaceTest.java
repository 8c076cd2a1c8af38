package dev.quarry.hq.state.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.hq.etcd.EtcdConnection;
import dev.quarry.hq.state.StateConflictException;
import dev.quarry.hq.state.StateKey;
import dev.quarry.hq.state.StateStore;
import dev.quarry.testsupport.EtcdServer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/** Two HQs (two clients) writing one key at the same revision at the same moment: exactly one wins. */
class CompareAndSetRaceTest {
    private static final StateKey KEY = StateKey.of("stacks", "shop", "stack.json");
    private static final int ROUNDS = 25;

    @Test
    void exactlyOneOfTwoRacingWritersWinsEachRound() throws Exception {
        try (EtcdServer etcd = EtcdServer.start();
                EtcdConnection first = EtcdConnection.open(etcd.endpoint());
                EtcdConnection second = EtcdConnection.open(etcd.endpoint())) {
            List<StateStore> stores = List.of(new EtcdStateStore(first), new EtcdStateStore(second));
            long revision = stores.getFirst().write(KEY, StateStore.ABSENT, "0".getBytes(UTF_8));
            for (int round = 1; round <= ROUNDS; round++) {
                CyclicBarrier start = new CyclicBarrier(2);
                long expected = revision;
                List<CompletableFuture<Long>> writes = stores.stream().map(store -> CompletableFuture.supplyAsync(
                        () -> write(store, expected, start))).toList();
                List<Long> winners = writes.stream().map(CompletableFuture::join).filter(won -> won > 0).toList();
                assertEquals(1, winners.size(), "round " + round + ": exactly one writer wins");
                revision = winners.getFirst();
                assertEquals(revision, stores.getLast().read(KEY).orElseThrow().revision());
            }
        }
    }

    /** The new revision, or 0 when the write lost. */
    private static long write(StateStore store, long expected, CyclicBarrier start) {
        try {
            start.await();
            return store.write(KEY, expected, Thread.currentThread().getName().getBytes(UTF_8));
        } catch (StateConflictException lost) {
            return 0;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
