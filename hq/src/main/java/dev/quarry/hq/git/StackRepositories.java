package dev.quarry.hq.git;

import dev.quarry.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The stacks' bare repositories, {@code stacks/<name>/repo.git}. A first push is received into a
 * new repository under {@code tmp/} and moved into place only if a ref was updated, so a refused
 * first push leaves nothing behind.
 */
public final class StackRepositories {
    private final Path stacks;
    private final Path temporary;

    public StackRepositories(Path stacks, Path temporary) {
        this.stacks = stacks;
        this.temporary = temporary;
    }

    public Path gitDirectory(String stack) {
        return stacks.resolve(stack).resolve("repo.git");
    }

    /** The stack's repository, if it has been pushed to. */
    public Optional<Repository> open(String stack) throws IOException {
        Path gitDirectory = gitDirectory(stack);
        if (!Files.isDirectory(gitDirectory)) {
            return Optional.empty();
        }
        return Optional.of(new FileRepositoryBuilder().setGitDir(gitDirectory.toFile()).setMustExist(true).build());
    }

    /** The repository a push goes into: the stack's own, or a new one for a first push. */
    public PushRepository forPush(String stack) throws IOException {
        Optional<Repository> existing = open(stack);
        if (existing.isPresent()) {
            return new PushRepository(existing.get(), Optional.empty(), gitDirectory(stack));
        }
        AtomicFiles.createFolders(temporary);
        Path folder = Files.createDirectory(temporary.resolve("push-" + stack + "-" + UUID.randomUUID()));
        Repository created = FileRepositoryBuilder.create(folder.resolve("repo.git").toFile());
        created.create(true);
        return PushRepository.temporary(created, folder, gitDirectory(stack));
    }

    /** Moves a first push's repository into place. */
    static void moveIntoPlace(Path newGitDirectory, Path gitDirectory) throws IOException {
        AtomicFiles.createFolders(gitDirectory.getParent());
        Files.move(newGitDirectory, gitDirectory, StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.syncFolder(gitDirectory.getParent());
    }

    /**
     * Clears what an HQ stopped mid-push leaves: half-received first pushes under {@code tmp/} and
     * half-written packs ({@code objects/incoming_*}). Call at start, before any push.
     */
    public void sweep() throws IOException {
        if (Files.isDirectory(temporary)) {
            try (Stream<Path> leftovers = Files.list(temporary)) {
                for (Path leftover : leftovers.toList()) {
                    AtomicFiles.deleteTree(leftover);
                }
            }
        }
        if (!Files.isDirectory(stacks)) {
            return;
        }
        try (Stream<Path> stackFolders = Files.list(stacks)) {
            for (Path objects : stackFolders.map(folder -> folder.resolve("repo.git").resolve("objects")).toList()) {
                deleteIncomingPacks(objects);
            }
        }
    }

    private static void deleteIncomingPacks(Path objects) throws IOException {
        if (!Files.isDirectory(objects)) {
            return;
        }
        try (Stream<Path> files = Files.list(objects)) {
            for (Path file : files.filter(path -> path.getFileName().toString().startsWith("incoming_")).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
