package dev.quarry.hq.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.hq.state.FileStateStore;
import dev.quarry.hq.state.StateKey;
import dev.quarry.hq.state.StateStore;
import dev.quarry.hq.state.Versioned;
import dev.quarry.testsupport.GitWorkTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stack's repository recorded in a store by one HQ and fetched by another that never received a push: every
 * ref and commit arrives, each recording is fetched once, and a damaged bundle is one line, never half-fetched.
 */
class StoredRepositoriesTest {
    @TempDir
    Path root;

    @Test
    void anotherHqFetchesEveryRefAndCommitOnceEachTimeItWasRecorded() throws Exception {
        StateStore store = new FileStateStore(root.resolve("state"));
        GitWorkTree tree = GitWorkTree.init(root.resolve("work"), "");
        String first = tree.write("quarry.yml", "nodes: {}\n").commit("one");
        tree.git("update-ref", "refs/quarry/releases/1", first).requireSuccess();
        String second = tree.write("public/index.html", "two\n").commit("two");
        try (Repository pushedTo = open(tree.directory().resolve(".git")); Repository other = bare("other")) {
            new StoredRepositories(store).record("shop", pushedTo);
            StoredRepositories reading = new StoredRepositories(store);

            assertTrue(reading.bringUpToDate("shop", other));
            assertTrue(other.getObjectDatabase().has(ObjectId.fromString(first)));
            assertEquals(second, other.exactRef("refs/heads/" + tree.git("branch", "--show-current").stdout().strip())
                    .getObjectId().name());
            assertEquals(first, other.exactRef("refs/quarry/releases/1").getObjectId().name());
            assertFalse(reading.bringUpToDate("shop", other), "the same recording is not fetched twice");

            String third = tree.write("public/index.html", "three\n").commit("three");
            new StoredRepositories(store).record("shop", pushedTo);
            assertTrue(reading.bringUpToDate("shop", other));
            assertTrue(other.getObjectDatabase().has(ObjectId.fromString(third)));
            assertEquals(List.of("bundle.json"), store.children(StateKey.of("repositories", "shop")).stream()
                    .filter(name -> !name.matches("[0-9a-f]{16}\\.0")).toList(), "one generation of parts is kept");
        }
    }

    @Test
    void aDamagedBundleIsOneLineAndNothingIsFetched() throws Exception {
        StateStore store = new FileStateStore(root.resolve("state"));
        GitWorkTree tree = GitWorkTree.init(root.resolve("work"), "");
        String commit = tree.write("quarry.yml", "nodes: {}\n").commit("one");
        try (Repository pushedTo = open(tree.directory().resolve(".git")); Repository other = bare("other")) {
            new StoredRepositories(store).record("shop", pushedTo);
            StateKey part = StateKey.of("repositories", "shop", store.children(StateKey.of("repositories", "shop"))
                    .stream().filter(name -> name.endsWith(".0")).findFirst().orElseThrow());
            Versioned stored = store.read(part).orElseThrow();
            byte[] damaged = stored.value();
            damaged[damaged.length - 1] ^= 1;
            store.write(part, stored.revision(), damaged);

            IOException failure = assertThrows(IOException.class,
                    () -> new StoredRepositories(store).bringUpToDate("shop", other));
            assertTrue(failure.getMessage().startsWith("the repository of shop in the store does not match its"
                    + " bundle.json ("), failure.getMessage());
            assertFalse(other.getObjectDatabase().has(ObjectId.fromString(commit)));
        }
    }

    private Repository bare(String name) throws IOException {
        Repository repository = FileRepositoryBuilder.create(root.resolve(name).toFile());
        repository.create(true);
        return repository;
    }

    private static Repository open(Path gitDirectory) throws IOException {
        return new FileRepositoryBuilder().setGitDir(gitDirectory.toFile()).setMustExist(true).build();
    }
}
