package dev.quarry.hq.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.hq.state.FileStateStore;
import dev.quarry.testsupport.SshKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key files put into the store once per home: the first admins keep their role, a removed key stays removed. */
class KeyFileSharingTest {
    @TempDir
    Path root;

    @Test
    void aHomesKeyFilesReachTheStoreOnceAndAFirstAdminStaysAdmin() throws Exception {
        AccessStore store = new AccessStore(new FileStateStore(root.resolve("store")));
        Path keys = Files.createDirectories(root.resolve("home/keys"));
        SshKeys.KeyFiles alice = SshKeys.ed25519(root.resolve("clients/alice"), "alice");
        SshKeys.KeyFiles carol = SshKeys.ed25519(root.resolve("clients/carol"), "carol");
        Files.copy(alice.publicKey(), keys.resolve("alice.pub"));
        Files.copy(carol.publicKey(), keys.resolve("carol.pub"));
        KeyFolder folder = new KeyFolder(keys);
        Path record = root.resolve("home/etc/shared_key_files");
        AccessControl access = new AccessControl(store, new AuditLog(new FileStateStore(root.resolve("store"))),
                folder, app -> false, Clock.systemUTC(), Optional.of(new KeyFileSharing(store, folder,
                        record, Clock.systemUTC())));
        access.start();

        assertEquals(List.of("alice", "carol"), access.knownKeys().stream().map(KnownKey::name).toList());
        assertEquals(Role.ADMIN, store.user("alice").orElseThrow().role());
        String[] aliceLine = Files.readString(alice.publicKey()).strip().split(" ", 3);
        assertEquals(List.of(aliceLine[0] + " " + aliceLine[1]), store.user("alice").orElseThrow().keys());
        assertEquals(2, Files.readAllLines(record).size());

        store.removeUser("carol");
        KeyFileSharing again = new KeyFileSharing(store, folder, record, Clock.systemUTC());
        again.share();
        assertTrue(store.user("carol").isEmpty(), "a removed key is not shared again from its file");
        assertEquals(List.of("alice"), access.knownKeys().stream().map(KnownKey::name).toList());
    }
}
