package dev.quarry.agent.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.quarry.testsupport.EtcdServer;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real etcd, two mirrors standing for two servers: a file written under the prefix appears on both,
 * changes and deletions follow, a hostile name is skipped, and the mirrors go on after etcd restarts.
 */
class FileMirrorTest {
    @TempDir
    Path root;

    @Test
    void everyServerGetsTheFilesUnderThePrefixAndKeepsFollowingThem() throws Exception {
        try (EtcdServer etcd = EtcdServer.start();
                Client client = Client.builder().endpoints(etcd.endpoint()).build()) {
            put(client, "/quarry/files/hosts", "127.0.0.2 s1\n");
            Files.createDirectories(root.resolve("s2/files"));
            Files.writeString(root.resolve("s2/files/stale.conf"), "left from before");

            try (FileMirror first = FileMirror.start(etcd.endpoint(), "/quarry/files/", root.resolve("s1/files"));
                    FileMirror second = FileMirror.start(etcd.endpoint(), "/quarry/files/", root.resolve("s2/files"))) {
                assertEquals("127.0.0.2 s1\n", Files.readString(root.resolve("s1/files/hosts")));
                assertEquals(List.of("hosts"), names(root.resolve("s2/files")), "the folder is made equal to etcd");

                put(client, "/quarry/files/hosts", "127.0.0.2 s1\n127.0.0.3 s2\n");
                put(client, "/quarry/files/nginx/upstreams.conf", "server 127.0.0.2:20000;\n");
                put(client, "/quarry/files/../escape", "never");
                for (Path server : List.of(root.resolve("s1/files"), root.resolve("s2/files"))) {
                    awaitContent(() -> read(server.resolve("hosts")), "127.0.0.2 s1\n127.0.0.3 s2\n");
                    awaitContent(() -> read(server.resolve("nginx/upstreams.conf")), "server 127.0.0.2:20000;\n");
                }
                assertFalse(Files.exists(root.resolve("s1/escape")), "a key naming a path outside is skipped");

                client.getKVClient().delete(bytes("/quarry/files/nginx/upstreams.conf")).get(10, TimeUnit.SECONDS);
                awaitContent(() -> Files.exists(root.resolve("s2/files/nginx/upstreams.conf")) ? "there" : "gone",
                        "gone");

                etcd.restart();
                put(client, "/quarry/files/hosts", "after the restart\n");
                awaitContent(() -> read(root.resolve("s1/files/hosts")), "after the restart\n");
                awaitContent(() -> read(root.resolve("s2/files/hosts")), "after the restart\n");
            }
        }
    }

    private static void put(Client client, String key, String value) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                client.getKVClient().put(bytes(key), bytes(value)).get(10, TimeUnit.SECONDS);
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                if (attempt == 20) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    private static ByteSequence bytes(String text) {
        return ByteSequence.from(text, StandardCharsets.UTF_8);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static List<String> names(Path folder) throws java.io.IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static void awaitContent(Supplier<String> actual, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!actual.get().equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(expected, actual.get());
    }
}
