package dev.quarry.hq.state.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.hq.etcd.EtcdCallException;
import dev.quarry.hq.etcd.EtcdConnection;
import dev.quarry.hq.state.StateKey;
import dev.quarry.hq.state.StateStore;
import dev.quarry.hq.state.StateStoreContract;
import dev.quarry.testsupport.EtcdServer;
import dev.quarry.testsupport.LoopbackPorts;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The etcd store against a real etcd: the contract, where keys live, and an etcd that is away. */
class EtcdStateStoreTest extends StateStoreContract {
    private static final StateKey KEY = StateKey.of("stacks", "shop", "stack.json");
    private static EtcdServer etcd;
    private static EtcdConnection connection;

    private String prefix;

    @BeforeAll
    static void startEtcd() {
        etcd = EtcdServer.start();
        connection = EtcdConnection.open(etcd.endpoint(), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stopEtcd() {
        connection.close();
        etcd.close();
    }

    @BeforeEach
    void freshPrefix() {
        prefix = "/quarry-test/" + UUID.randomUUID() + "/";
    }

    @Override
    protected StateStore store() {
        return new EtcdStateStore(connection, prefix);
    }

    @Test
    void valuesLiveUnderThePrefixAtTheirPath() {
        store().write(KEY, StateStore.ABSENT, "{}".getBytes(UTF_8));
        var raw = connection.await(connection.client().getKVClient()
                .get(EtcdConnection.bytes(prefix + "stacks/shop/stack.json")), "reading the raw key");
        assertEquals("{}", raw.getKvs().getFirst().getValue().toString(UTF_8));
    }

    @Test
    void childrenDoNotMistakeAPrefixOfANameForTheName() {
        StateStore store = store();
        store.write(StateKey.of("stacks", "b", "x"), StateStore.ABSENT, "1".getBytes(UTF_8));
        store.write(StateKey.of("stacks", "bc", "y"), StateStore.ABSENT, "2".getBytes(UTF_8));
        store.write(StateKey.of("stacks", "b"), StateStore.ABSENT, "3".getBytes(UTF_8));
        assertEquals(List.of("x"), store.children(StateKey.of("stacks", "b")));
        assertEquals(List.of("b", "bc"), store.children(StateKey.of("stacks")));
    }

    @Test
    void anUnreachableEtcdIsAnErrorNamingItNeverAnEmptyAnswer() {
        String nowhere = "http://127.0.0.1:" + LoopbackPorts.free();
        try (EtcdConnection away = EtcdConnection.open(nowhere, Duration.ofSeconds(1))) {
            EtcdStateStore store = new EtcdStateStore(away, prefix);
            EtcdCallException error = assertThrows(EtcdCallException.class, () -> store.read(KEY));
            assertEquals("etcd at " + nowhere + " did not answer within 1 s while reading stacks/shop/stack.json;"
                    + " check that etcd runs and this host reaches it (etcdctl --endpoints " + nowhere
                    + " endpoint health)", error.getMessage());
            assertThrows(EtcdCallException.class, () -> store.children(StateKey.of("stacks")));
        }
    }

    @Test
    void theSameStoreWorksAgainAfterEtcdRestartsAndTheDataIsKept() {
        StateStore store = store();
        long revision = store.write(KEY, StateStore.ABSENT, "before".getBytes(UTF_8));
        etcd.restart();
        assertEquals("before", store.read(KEY).orElseThrow().text());
        long after = store.write(KEY, revision, "after".getBytes(UTF_8));
        assertEquals("after", store.read(KEY).orElseThrow().text());
        assertTrue(after > revision);
    }

    @Test
    void aStoppedEtcdIsAnErrorAndAStartedOneAnswersAgain() {
        try (EtcdConnection impatient = EtcdConnection.open(etcd.endpoint(), Duration.ofSeconds(1))) {
            StateStore store = new EtcdStateStore(impatient, prefix);
            store.write(KEY, StateStore.ABSENT, "kept".getBytes(UTF_8));
            etcd.stop();
            try {
                EtcdCallException error = assertThrows(EtcdCallException.class, () -> store.read(KEY));
                assertTrue(error.getMessage().startsWith("etcd at " + etcd.endpoint() + " did not answer within 1 s"),
                        error.getMessage());
            } finally {
                etcd.restart();
            }
            assertEquals("kept", store.read(KEY).orElseThrow().text());
        }
    }
}
