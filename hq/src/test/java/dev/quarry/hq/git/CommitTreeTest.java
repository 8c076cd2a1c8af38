package dev.quarry.hq.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.testsupport.GitWorkTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing a commit's files out, and reading quarry.yml from it, against a repository made by real git. */
class CommitTreeTest {
    @TempDir
    Path root;

    @Test
    void filesKeepTheirContentExecutableBitsAndLinks() throws Exception {
        GitWorkTree tree = GitWorkTree.init(root.resolve("work"), "");
        tree.write("quarry.yml", "nodes: {}\n").write("bin/server", "#!/bin/sh\n").write("docs/readme.txt", "hi\n");
        Files.setPosixFilePermissions(tree.directory().resolve("bin/server"),
                PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(tree.directory().resolve("current"), Path.of("bin/server"));
        String commit = tree.commit("files");
        Path target = Files.createDirectory(root.resolve("export"));

        try (Repository repository = new FileRepositoryBuilder().setGitDir(tree.directory().resolve(".git").toFile())
                .build()) {
            new CommitTree(repository, ObjectId.fromString(commit)).exportTo(target);
            assertEquals(Optional.of("nodes: {}\n"), CommitFiles.quarryFile(repository, ObjectId.fromString(commit))
                    .map(String::new));
        }

        assertEquals("#!/bin/sh\n", Files.readString(target.resolve("bin/server")));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                target.resolve("bin/server"))));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                target.resolve("docs/readme.txt"))));
        assertTrue(Files.isSymbolicLink(target.resolve("current")));
        assertEquals(Path.of("bin/server"), Files.readSymbolicLink(target.resolve("current")));
    }
}
