package dev.quarry.hq.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.hq.lock.FileDeployLocks;
import dev.quarry.hq.release.Release;
import dev.quarry.hq.release.ReleaseStatus;
import dev.quarry.hq.release.SourceFolders;
import dev.quarry.hq.release.StackRecord;
import dev.quarry.hq.release.StackState;
import dev.quarry.hq.state.FileStateStore;
import dev.quarry.hq.state.StateStore;
import dev.quarry.testsupport.GitWorkTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An HQ that never received a push of a stack puts its live release's source in place from the store's
 * repository (as a reconciling leader needs it), and follows the live release when another HQ moves it.
 */
class LiveSourcesTest {
    @TempDir
    Path root;

    @Test
    void theLiveReleasesSourceComesFromTheStoresRepository() throws Exception {
        StateStore store = new FileStateStore(root.resolve("state"));
        StackState state = new StackState(store);
        GitWorkTree tree = GitWorkTree.init(root.resolve("work"), "");
        String first = tree.write("quarry.yml", "nodes: {}\n").write("public/index.html", "one\n").commit("one");
        String second = tree.write("public/index.html", "two\n").commit("two");
        try (Repository pushedTo = new FileRepositoryBuilder().setGitDir(tree.directory().resolve(".git").toFile())
                .setMustExist(true).build()) {
            new StoredRepositories(store).record("shop", pushedTo);
        }
        var stored = state.saveStack(new StackRecord("shop", "main", 1, 2, Instant.EPOCH), StateStore.ABSENT);
        state.update("shop", release(1, first));
        state.update("shop", release(2, second));
        Path stacks = root.resolve("b/stacks");
        LiveSources sources = new LiveSources(state, new StackRepositories(stacks, root.resolve("b/tmp")),
                new StoredRepositories(store), new SourceFolders(stacks),
                new FileDeployLocks(root.resolve("b/locks"), Clock.systemUTC(), Duration.ofSeconds(5)));

        sources.ensureAll();
        assertEquals("one\n", Files.readString(stacks.resolve("shop/src/public/index.html")));
        assertTrue(Files.isDirectory(stacks.resolve("shop/repo.git")), "the repository was fetched into place");

        state.saveStack(new StackRecord("shop", "main", 2, 2, Instant.EPOCH), stored.revision());
        sources.ensureAll();
        assertEquals("two\n", Files.readString(stacks.resolve("shop/src/public/index.html")));
        assertEquals(Path.of("src." + second), Files.readSymbolicLink(stacks.resolve("shop/src")));
    }

    private static Release release(int number, String commit) {
        return new Release(number, commit, "main", "push", "alice", Instant.EPOCH, Map.of(), ReleaseStatus.DEPLOYED);
    }
}
