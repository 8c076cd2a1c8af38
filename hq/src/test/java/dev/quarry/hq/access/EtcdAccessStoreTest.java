package dev.quarry.hq.access;

import dev.quarry.hq.etcd.EtcdConnection;
import dev.quarry.hq.state.StateStore;
import dev.quarry.hq.state.etcd.EtcdStateStore;
import dev.quarry.testsupport.EtcdServer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The access records and audit log in a real etcd, as HQs sharing it keep them. */
class EtcdAccessStoreTest extends AccessStoreContract {
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
}
