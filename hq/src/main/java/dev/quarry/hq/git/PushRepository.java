package dev.quarry.hq.git;

import dev.quarry.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;

/**
 * The repository one push goes into. For a first push it is new, in a temporary folder: kept (moved
 * to the stack) when the push updated a ref, else deleted before the push's channel closes, so a
 * refused first push leaves nothing behind by the time the client sees it end.
 *
 * <p>JGit's receive-pack starts a background garbage collection after each push ({@code receive.autogc}),
 * which takes {@code gc.log.lock} in the repository and writes there from another thread after
 * {@code receive} returned; in a temporary repository it would race the deletion (and the move into
 * place). So a new repository is created with {@code receive.autogc} off, and turned back on when it is
 * kept.
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

    /** A first push's new repository, with no background work of JGit's in it. */
    static PushRepository temporary(Repository created, Path folder, Path finalGitDirectory) throws IOException {
        setAutomaticGarbageCollection(created, false);
        return new PushRepository(created, Optional.of(folder), finalGitDirectory);
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
        if (temporaryFolder.isEmpty()) {
            repository.close();
            return;
        }
        try {
            if (keep) {
                setAutomaticGarbageCollection(repository, true);
                repository.close();
                StackRepositories.moveIntoPlace(repository.getDirectory().toPath(), finalGitDirectory);
            } else {
                repository.close();
            }
        } finally {
            AtomicFiles.deleteTree(temporaryFolder.get());
        }
    }

    private static void setAutomaticGarbageCollection(Repository repository, boolean on) throws IOException {
        StoredConfig config = repository.getConfig();
        if (on) {
            config.unset(ConfigConstants.CONFIG_RECEIVE_SECTION, null, ConfigConstants.CONFIG_KEY_AUTOGC);
        } else {
            config.setBoolean(ConfigConstants.CONFIG_RECEIVE_SECTION, null, ConfigConstants.CONFIG_KEY_AUTOGC, false);
        }
        config.save();
    }
}
