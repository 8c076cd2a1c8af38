package dev.quarry.cli.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** The URL of the git remote named {@code quarry} in the repository around a folder, as {@code git push quarry} uses it. */
final class GitRemote {
    static final String NAME = "quarry";

    private GitRemote() {}

    static Optional<String> quarryUrl(Path folder) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(folder.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try (Repository repository = builder.build()) {
            return Optional.ofNullable(repository.getConfig().getString("remote", NAME, "url"));
        }
    }
}
