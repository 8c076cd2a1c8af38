package dev.quarry.hq.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;

/**
 * The repository one push goes into. For a first push it is new, in a temporary folder: kept (moved
 * to the stack) when the push updated a ref, else deleted.
 */
public final class PushRepository implements AutoCloseable {
    private final Repository repository;
    private final Optional<Path> temporaryFolder;
    private final Path finalGitDirectory;
    private boolean keep;

    PushRepository(Repository repository, Optional<Path> temporaryFolder, Path finalGitDirectory) {
        this.repository = repository;
        this.temporaryFolder = temporaryFolder;
        this.finalGitDirectory = finalGitDirectory;
    }

    public Repository repository() {
        return repository;
    }

    /** Keep a first push's repository when this push is done. */
    public void keep() {
        keep = true;
    }

    /** Closes the repository; moves a kept new one into place, deletes an unkept one. */
    @Override
    public void close() throws IOException {
        repository.close();
        if (temporaryFolder.isEmpty()) {
            return;
        }
        try {
            if (keep) {
                StackRepositories.moveIntoPlace(repository.getDirectory().toPath(), finalGitDirectory);
            }
        } finally {
            deleteTree(temporaryFolder.get());
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
