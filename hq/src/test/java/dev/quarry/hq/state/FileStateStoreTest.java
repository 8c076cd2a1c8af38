package dev.quarry.hq.state;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The file store: the contract, plus what it does with files a crash or a person damaged. */
class FileStateStoreTest extends StateStoreContract {
    private static final StateKey KEY = StateKey.of("stacks", "shop", "stack.json");

    @TempDir
    Path root;

    @Override
    protected StateStore store() {
        return new FileStateStore(root);
    }

    @Test
    void valuesLiveAtTheirPathWithAHeader() throws IOException {
        store().write(KEY, StateStore.ABSENT, "{\"a\":1}".getBytes(UTF_8));
        String file = Files.readString(root.resolve("stacks/shop/stack.json"));
        assertTrue(file.startsWith("quarry-state 1 revision=1 length=7 sha256="), file);
        assertTrue(file.endsWith("\n{\"a\":1}"), file);
    }

    @Test
    void envValuesAreReadableByHqAloneAndOtherValuesAsBefore() throws IOException {
        StateStore store = store();
        store.write(StateKey.of("stacks", "shop", "env", "DATABASE_URL"), StateStore.ABSENT, "postgres://x".getBytes(UTF_8));
        store.write(StateKey.of("stacks", "shop", "releases", "3", "env.json"), StateStore.ABSENT, "{}".getBytes(UTF_8));
        store.write(KEY, StateStore.ABSENT, "{}".getBytes(UTF_8));

        assertEquals("rw-------", mode(root.resolve("stacks/shop/env/DATABASE_URL")));
        assertEquals("rwx------", mode(root.resolve("stacks/shop/env")));
        assertEquals("rw-------", mode(root.resolve("stacks/shop/releases/3/env.json")));
        assertEquals("rwx------", mode(root.resolve("stacks/shop/releases/3")));
        assertEquals("rw-r--r--", mode(root.resolve("stacks/shop/stack.json")));
    }

    @Test
    void envFilesFromBeforeAreProtectedAtStart() throws IOException {
        Path env = root.resolve("stacks/shop/env/TOKEN");
        Path released = root.resolve("stacks/shop/releases/2/env.json");
        Path plan = root.resolve("stacks/shop/releases/2/plan.json");
        for (Path file : List.of(env, released, plan)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "x");
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }

        new FileStateStore(root).protectSecrets();

        assertEquals("rw-------", mode(env));
        assertEquals("rwx------", mode(env.getParent()));
        assertEquals("rw-------", mode(released));
        assertEquals("rw-r--r--", mode(plan));
    }

    private static String mode(Path path) throws IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void writesLeaveNoTemporaryFiles() throws IOException {
        StateStore store = store();
        long revision = store.write(KEY, StateStore.ABSENT, "one".getBytes(UTF_8));
        store.write(KEY, revision, "two".getBytes(UTF_8));
        try (Stream<Path> files = Files.list(root.resolve("stacks/shop"))) {
            assertEquals(List.of("stack.json"), files.map(path -> path.getFileName().toString()).toList());
        }
    }

    @Test
    void anEmptyFileIsAnErrorNamingItNeverAnEmptyValue() throws IOException {
        Path file = root.resolve("stacks/shop/stack.json");
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[0]);
        StateCorruptException error = assertThrows(StateCorruptException.class, () -> store().read(KEY));
        assertEquals(file + ": empty state file (a torn write?); restore it from a backup, or delete it to forget"
                + " that record", error.getMessage());
    }

    @Test
    void aTruncatedFileIsReportedTorn() throws IOException {
        store().write(KEY, StateStore.ABSENT, "a longer value".getBytes(UTF_8));
        Path file = root.resolve("stacks/shop/stack.json");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 4));
        StateCorruptException error = assertThrows(StateCorruptException.class, () -> store().read(KEY));
        assertTrue(error.getMessage().startsWith(file + ": torn: the header promises 14 bytes, the file holds 10"),
                error.getMessage());
    }

    @Test
    void aChangedByteIsReportedCorrupt() throws IOException {
        store().write(KEY, StateStore.ABSENT, "value".getBytes(UTF_8));
        Path file = root.resolve("stacks/shop/stack.json");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] = 'X';
        Files.write(file, bytes);
        StateCorruptException error = assertThrows(StateCorruptException.class, () -> store().read(KEY));
        assertTrue(error.getMessage().startsWith(file + ": corrupt: the checksum does not match"), error.getMessage());
    }

    @Test
    void aFileWithoutTheHeaderIsNotTakenForAValue() throws IOException {
        Path file = root.resolve("stacks/shop/stack.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"name\": \"shop\"}\n");
        StateCorruptException error = assertThrows(StateCorruptException.class, () -> store().read(KEY));
        assertTrue(error.getMessage().startsWith(file + ": not a Quarry state file"), error.getMessage());
    }

    @Test
    void aCorruptFileCannotBeOverwrittenBlindly() throws IOException {
        Path file = root.resolve("stacks/shop/stack.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "garbage");
        assertThrows(StateCorruptException.class, () -> store().write(KEY, StateStore.ABSENT, "x".getBytes(UTF_8)));
        assertEquals("garbage", Files.readString(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", ".hidden", "-dash", "a/b", "", "with space", "new\nline"})
    void keysCannotLeaveTheStore(String segment) {
        assertThrows(IllegalArgumentException.class, () -> StateKey.of("stacks", segment));
    }
}
