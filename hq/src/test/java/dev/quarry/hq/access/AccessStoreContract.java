package dev.quarry.hq.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.hq.state.StateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What the access records and the audit log promise over any {@link StateStore}; file and etcd run these. */
public abstract class AccessStoreContract {
    private static final Instant NOW = Instant.parse("2026-12-04T15:00:00Z");

    /** A new, empty store. */
    protected abstract StateStore store();

    @Test
    void usersAreAddedOnceListedByNameAndRemoved() {
        AccessStore access = new AccessStore(store());
        assertTrue(access.addUser(new UserRecord("carol", Role.DEVELOPER, List.of("ssh-ed25519 AAAA"), NOW, "alice")));
        assertTrue(access.addUser(new UserRecord("alice", Role.ADMIN, List.of(), NOW, "hq")));
        assertFalse(access.addUser(new UserRecord("carol", Role.ADMIN, List.of(), NOW, "mallory")), "a duplicate");
        assertEquals(List.of("alice", "carol"), access.users().stream().map(UserRecord::name).toList());
        assertEquals(Role.DEVELOPER, access.user("carol").orElseThrow().role());
        assertTrue(access.removeUser("carol"));
        assertFalse(access.removeUser("carol"));
        assertEquals(Optional.empty(), access.user("carol"));
    }

    @Test
    void theFirstUseIsRecordedOnce() {
        AccessStore access = new AccessStore(store());
        assertEquals(Optional.empty(), access.started());
        assertTrue(access.markStarted(new AccessStart(NOW, List.of("alice"))));
        assertFalse(access.markStarted(new AccessStart(NOW.plusSeconds(1), List.of("mallory"))));
        assertEquals(List.of("alice"), access.started().orElseThrow().admins());
    }

    @Test
    void concurrentGrantsAndRevokesOfOneAppAllCount() throws Exception {
        AccessStore access = new AccessStore(store());
        assertTrue(access.createApp(new AppAccess("hello", "bob", List.of("bob", "gone0", "gone1", "gone2", "gone3"))));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int index = 0; index < 4; index++) {
                String granted = "dev" + index;
                String revoked = "gone" + index;
                done.add(threads.submit(() -> access.edit("hello", app -> app.map(record -> record.with(granted)))));
                done.add(threads.submit(() -> access.edit("hello", app -> app.map(record -> record.without(revoked)))));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(List.of("bob", "dev0", "dev1", "dev2", "dev3"), access.app("hello").orElseThrow().developers());
    }

    @Test
    void aClaimIsRemovedOnlyWhileUnchanged() {
        AccessStore access = new AccessStore(store());
        assertTrue(access.createApp(AppAccess.createdBy("hello", "bob")));
        assertFalse(access.createApp(AppAccess.createdBy("hello", "carol")), "the first claim wins");
        access.edit("hello", app -> app.map(record -> record.with("carol")));
        access.removeAppIf(AppAccess.createdBy("hello", "bob"));
        assertEquals(List.of("bob", "carol"), access.app("hello").orElseThrow().developers(), "granted meanwhile");
        access.edit("hello", app -> app.map(record -> record.without("carol")));
        access.removeAppIf(AppAccess.createdBy("hello", "bob"));
        assertEquals(Optional.empty(), access.app("hello"));
        assertEquals(List.of(), access.apps());
    }

    @Test
    void theAuditLogKeepsEntriesInTimeOrderAndPicksByApp() {
        AuditLog log = new AuditLog(store());
        IntStream.range(0, 5).forEach(index -> log.append(new AuditEntry(NOW.plusSeconds(index), "alice", "127.0.0.1",
                index % 2 == 0 ? "hello" : "", "action " + index)));
        log.append(new AuditEntry(NOW.plusSeconds(5), "bob", "127.0.0.2", "hello-world", "push hello-world: main"));
        assertEquals(List.of("action 3", "action 4", "push hello-world: main"),
                log.last(Optional.empty(), 3).stream().map(AuditEntry::what).toList());
        assertEquals(List.of("action 0", "action 2", "action 4"),
                log.last(Optional.of("hello"), 10).stream().map(AuditEntry::what).toList());
        AuditEntry last = log.last(Optional.of("hello-world"), 1).getFirst();
        assertEquals(new AuditEntry(NOW.plusSeconds(5), "bob", "127.0.0.2", "hello-world", "push hello-world: main"),
                last);
    }
}
