package dev.quarry.hq.git;

import dev.quarry.compiler.QuarryFile;
import dev.quarry.compiler.yaml.SafeYaml;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Reads single files out of a commit without checking it out. */
public final class CommitFiles {
    private CommitFiles() {}

    /**
     * The quarry.yml in the root of {@code commit}, at most one byte more than the compiler accepts
     * (so it reports the size), or empty when there is none or it is not a regular file.
     */
    public static Optional<byte[]> quarryFile(Repository repository, ObjectId commit) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit revCommit = walk.parseCommit(commit);
            try (TreeWalk tree = TreeWalk.forPath(repository, QuarryFile.NAME, revCommit.getTree())) {
                if (tree == null || !isFile(tree.getFileMode(0))) {
                    return Optional.empty();
                }
                try (InputStream in = repository.open(tree.getObjectId(0)).openStream()) {
                    return Optional.of(in.readNBytes(SafeYaml.MAX_BYTES + 1));
                }
            }
        }
    }

    /** Whether the root of {@code commit} has a quarry.yaml (the wrong extension), for a hint. */
    public static boolean hasYamlSpelling(Repository repository, ObjectId commit) throws IOException {
        try (RevWalk walk = new RevWalk(repository);
                TreeWalk tree = TreeWalk.forPath(repository, "quarry.yaml", walk.parseCommit(commit).getTree())) {
            return tree != null;
        }
    }

    static boolean isFile(FileMode mode) {
        return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
    }
}
