package dev.quarry.hq.git;

import dev.quarry.hq.release.SourceTree;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A commit's files, written out with their executable bits and symbolic links (submodules become
 * empty folders). Every path is checked to stay inside the target folder.
 *
 * @param repository where the commit is
 * @param commit the commit
 */
public record CommitTree(Repository repository, ObjectId commit) implements SourceTree {
    @Override
    public void exportTo(Path emptyFolder) throws IOException {
        Path root = emptyFolder.toAbsolutePath().normalize();
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(walk.parseCommit(commit).getTree());
            tree.setRecursive(false);
            while (tree.next()) {
                Path target = inside(root, tree.getPathString());
                FileMode mode = tree.getFileMode(0);
                if (tree.isSubtree()) {
                    Files.createDirectory(target);
                    tree.enterSubtree();
                } else if (mode == FileMode.SYMLINK) {
                    byte[] link = repository.open(tree.getObjectId(0)).getCachedBytes();
                    Files.createSymbolicLink(target, Path.of(new String(link, StandardCharsets.UTF_8)));
                } else if (mode == FileMode.GITLINK) {
                    Files.createDirectory(target);
                } else {
                    writeFile(target, tree.getObjectId(0), mode == FileMode.EXECUTABLE_FILE);
                }
            }
        }
    }

    private void writeFile(Path target, ObjectId blob, boolean executable) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            repository.open(blob).copyTo(out);
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
    }

    private static Path inside(Path root, String path) throws IOException {
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..") || part.equalsIgnoreCase(".git")) {
                throw new IOException("the commit holds an unsafe path \"" + path + "\"; remove it and push again");
            }
        }
        Path target = root.resolve(path).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IOException("the commit holds an unsafe path \"" + path + "\"; remove it and push again");
        }
        return target;
    }
}
