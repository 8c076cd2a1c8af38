package dev.quarry.hq.state.etcd;

import static java.util.Objects.requireNonNull;

import dev.quarry.hq.etcd.EtcdConnection;
import dev.quarry.hq.state.StateConflictException;
import dev.quarry.hq.state.StateKey;
import dev.quarry.hq.state.StateStore;
import dev.quarry.hq.state.Versioned;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The state store in etcd: key {@code stacks/shop/stack.json} is the etcd key
 * {@code /quarry/state/stacks/shop/stack.json}, its value the bytes as written. A value's revision is
 * etcd's mod_revision of the key, and every write or delete is one transaction comparing it, so HQs
 * sharing the etcd never overwrite each other. etcd itself guards the bytes, so there is no header.
 */
public final class EtcdStateStore implements StateStore {
    /** Where the state lives in etcd unless told otherwise. */
    public static final String DEFAULT_PREFIX = "/quarry/state/";

    private final EtcdConnection connection;
    private final String prefix;

    /** @param prefix ends with {@code /}; every key of this store is under it */
    public EtcdStateStore(EtcdConnection connection, String prefix) {
        this.connection = requireNonNull(connection, "connection is null");
        this.prefix = requireNonNull(prefix, "prefix is null");
        if (!prefix.endsWith("/")) {
            throw new IllegalArgumentException("an etcd state prefix ends with /, got \"" + prefix + "\"");
        }
    }

    public EtcdStateStore(EtcdConnection connection) {
        this(connection, DEFAULT_PREFIX);
    }

    /** The etcd key a state key is kept under. */
    public String etcdKey(StateKey key) {
        return prefix + key;
    }

    /** How many keys this store holds (everything under its prefix). */
    public long keyCount() {
        GetOption countOnly = GetOption.builder().isPrefix(true).withCountOnly(true).build();
        return connection.await(kv().get(bytes(prefix), countOnly), "counting the keys under " + prefix).getCount();
    }

    /** The etcd endpoint, for messages. */
    public String endpoint() {
        return connection.endpoint();
    }

    /** The prefix every key of this store is under. */
    public String prefix() {
        return prefix;
    }

    @Override
    public Optional<Versioned> read(StateKey key) {
        GetResponse answer = connection.await(kv().get(bytes(etcdKey(key))), "reading " + key);
        return answer.getKvs().stream().findFirst()
                .map(stored -> new Versioned(stored.getValue().getBytes(), stored.getModRevision()));
    }

    @Override
    public long write(StateKey key, long expectedRevision, byte[] value) {
        ByteSequence etcdKey = bytes(etcdKey(key));
        TxnResponse answer = connection.await(kv().txn().If(unchanged(etcdKey, expectedRevision))
                .Then(Op.put(etcdKey, ByteSequence.from(value), PutOption.DEFAULT))
                .Else(Op.get(etcdKey, GetOption.DEFAULT)).commit(), "writing " + key);
        if (!answer.isSucceeded()) {
            throw new StateConflictException(key, expectedRevision, revisionIn(answer));
        }
        return answer.getHeader().getRevision();
    }

    @Override
    public void delete(StateKey key, long expectedRevision) {
        ByteSequence etcdKey = bytes(etcdKey(key));
        if (expectedRevision == ABSENT) {
            throw new StateConflictException(key, expectedRevision, read(key).map(Versioned::revision).orElse(ABSENT));
        }
        TxnResponse answer = connection.await(kv().txn().If(unchanged(etcdKey, expectedRevision))
                .Then(Op.delete(etcdKey, DeleteOption.DEFAULT))
                .Else(Op.get(etcdKey, GetOption.DEFAULT)).commit(), "deleting " + key);
        if (!answer.isSucceeded()) {
            throw new StateConflictException(key, expectedRevision, revisionIn(answer));
        }
    }

    @Override
    public List<String> children(StateKey parent) {
        String folder = etcdKey(parent) + "/";
        GetOption keysOnly = GetOption.builder().isPrefix(true).withKeysOnly(true).build();
        GetResponse answer = connection.await(kv().get(bytes(folder), keysOnly), "listing " + parent);
        return answer.getKvs().stream().map(KeyValue::getKey)
                .map(key -> key.toString(StandardCharsets.UTF_8).substring(folder.length()))
                .map(rest -> rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest)
                .filter(StateKey::isSegment).distinct().sorted().toList();
    }

    private KV kv() {
        return connection.client().getKVClient();
    }

    /** The key is absent (version 0) or was last changed at {@code expectedRevision}. */
    private static Cmp unchanged(ByteSequence key, long expectedRevision) {
        return expectedRevision == ABSENT ? new Cmp(key, Cmp.Op.EQUAL, CmpTarget.version(0))
                : new Cmp(key, Cmp.Op.EQUAL, CmpTarget.modRevision(expectedRevision));
    }

    /** The revision the Else branch found: the key's mod_revision, or ABSENT when it is gone. */
    private static long revisionIn(TxnResponse answer) {
        return answer.getGetResponses().stream().flatMap(get -> get.getKvs().stream()).findFirst()
                .map(KeyValue::getModRevision).orElse(ABSENT);
    }

    private static ByteSequence bytes(String text) {
        return EtcdConnection.bytes(text);
    }
}
