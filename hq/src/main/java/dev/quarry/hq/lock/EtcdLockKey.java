package dev.quarry.hq.lock;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.quarry.hq.etcd.EtcdConnection;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import java.util.Optional;

/**
 * One deploy lock as an etcd key whose value says who holds it. It is created under the holder's
 * lease, so it vanishes when the lease is revoked or expires.
 *
 * @param connection the etcd
 * @param key such as {@code /quarry/locks/deploy/shop}
 * @param stack the stack, for messages
 */
record EtcdLockKey(EtcdConnection connection, String key, String stack) {
    /** Creates the key for {@code holder} under {@code leaseId} if it does not exist; else who holds it. */
    Optional<String> take(String holder, long leaseId) {
        ByteSequence name = EtcdConnection.bytes(key);
        TxnResponse answer = connection.await(connection.client().getKVClient().txn()
                .If(new Cmp(name, Cmp.Op.EQUAL, CmpTarget.version(0)))
                .Then(Op.put(name, EtcdConnection.bytes(holder), PutOption.builder().withLeaseId(leaseId).build()))
                .Else(Op.get(name, GetOption.DEFAULT)).commit(), "taking the deploy lock of " + stack);
        if (answer.isSucceeded()) {
            return Optional.empty();
        }
        return Optional.of(answer.getGetResponses().stream().flatMap(get -> get.getKvs().stream()).findFirst()
                .map(held -> held.getValue().toString(UTF_8)).orElse("another deploy that just ended"));
    }

    /** Who holds the lock now, or a stand-in when nobody does. */
    String holder() {
        return connection.await(connection.client().getKVClient().get(EtcdConnection.bytes(key)),
                        "reading the deploy lock of " + stack).getKvs().stream().findFirst()
                .map(held -> held.getValue().toString(UTF_8)).orElse("another deploy of this HQ");
    }
}
