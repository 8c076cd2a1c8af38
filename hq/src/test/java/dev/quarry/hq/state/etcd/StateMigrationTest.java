package dev.quarry.hq.state.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.hq.etcd.EtcdConnection;
import dev.quarry.hq.state.FileStateStore;
import dev.quarry.hq.state.StateException;
import dev.quarry.hq.state.StateKey;
import dev.quarry.hq.state.StateStore;
import dev.quarry.testsupport.EtcdServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A home's state (access too) copied into an empty etcd, read back equal; a second migration is refused. */
class StateMigrationTest {
    private static final Map<StateKey, String> STATE = Map.of(
            StateKey.of("stacks", "shop", "stack.json"), "{\"current\": 2}",
            StateKey.of("stacks", "shop", "env", "RACK_ENV"), "production",
            StateKey.of("stacks", "shop", "releases", "2", "release.json"), "{\"number\": 2}",
            StateKey.of("stacks", "shop", "releases", "2", "quarry.yml"), "name: shop\n",
            StateKey.of("stacks", "blog", "stack.json"), "{}",
            StateKey.of("servers", "s1", "settings.json"), "{\"agent\": \"127.0.0.2:2200\"}",
            StateKey.of("servers", "s1", "ip"), "127.0.0.2\n",
            StateKey.of("access", "users", "bob.json"), "{\"name\": \"bob\", \"role\": \"DEVELOPER\"}",
            StateKey.of("access", "apps", "shop.json"), "{\"app\": \"shop\", \"developers\": [\"bob\"]}");

    @TempDir
    Path home;

    @Test
    void everyKeyIsCopiedAndReadBackAndASecondMigrationIsRefused() throws IOException {
        FileStateStore files = new FileStateStore(home);
        STATE.forEach((key, value) -> files.write(key, StateStore.ABSENT, value.getBytes(UTF_8)));
        Files.createDirectories(home.resolve("stacks/shop/repo.git/refs"));
        Files.writeString(home.resolve("stacks/shop/repo.git/HEAD"), "ref: refs/heads/main\n");
        Files.createDirectories(home.resolve("stacks/shop/src.0123456789ab"));
        Files.writeString(home.resolve("stacks/shop/src.0123456789ab/server"), "#!/bin/sh\n");
        try (EtcdServer etcd = EtcdServer.start(); EtcdConnection connection = EtcdConnection.open(etcd.endpoint())) {
            EtcdStateStore store = new EtcdStateStore(connection);
            MigrationResult result = new StateMigration(files, store).migrate();
            long bytes = STATE.values().stream().mapToLong(value -> value.getBytes(UTF_8).length).sum();
            assertEquals(new MigrationResult(STATE.size(), bytes), result);
            STATE.forEach((key, value) -> assertEquals(value, store.read(key).orElseThrow().text(), key.toString()));
            assertEquals(List.of("blog", "shop"), store.children(StateKey.of("stacks")));
            assertEquals(List.of("env", "releases", "stack.json"), store.children(StateKey.of("stacks", "shop")));

            StateException refused = assertThrows(StateException.class, () -> new StateMigration(files, store).migrate());
            assertEquals("etcd at " + etcd.endpoint() + " already holds 9 keys under /quarry/state/; a migration only"
                    + " fills an empty prefix: point HQ at that etcd as it is, or remove them first (etcdctl --endpoints "
                    + etcd.endpoint() + " del --prefix /quarry/state/) and migrate again", refused.getMessage());
            assertTrue(result.describe().startsWith("copied 9 keys ("), result.describe());
        }
    }
}
