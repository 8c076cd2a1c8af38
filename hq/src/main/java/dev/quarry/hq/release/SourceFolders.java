package dev.quarry.hq.release;

import dev.quarry.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The source a stack runs, under {@code stacks/<name>/}: {@code src} is a link to {@code src.<commit>}.
 * A new source is exported into a new folder first and the link is then swapped in one rename, so
 * {@code src} is always a whole tree, the old or the new.
 */
public final class SourceFolders {
    private final Path stacks;

    public SourceFolders(Path stacks) {
        this.stacks = stacks;
    }

    /** {@code stacks/<name>/src}. */
    public Path source(String stack) {
        return stacks.resolve(stack).resolve("src");
    }

    /** Whether {@code src} holds {@code commit}'s files (it links to a whole {@code src.<commit>}). */
    public boolean holds(String stack, String commit) throws IOException {
        Path folder = stacks.resolve(stack);
        Path link = folder.resolve("src");
        return Files.isSymbolicLink(link) && Files.readSymbolicLink(link).toString().equals("src." + commit)
                && Files.isDirectory(folder.resolve("src." + commit));
    }

    /** Makes {@code src} hold {@code commit}'s files, exporting them unless it already does. */
    public Path install(String stack, String commit, SourceTree tree) throws IOException {
        Path folder = stacks.resolve(stack);
        String target = "src." + commit;
        Path link = folder.resolve("src");
        if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).toString().equals(target)
                && Files.isDirectory(folder.resolve(target))) {
            return link;
        }
        AtomicFiles.createFolders(folder);
        Path partial = Files.createDirectory(folder.resolve(".src.partial-" + UUID.randomUUID()));
        try {
            tree.exportTo(partial);
            AtomicFiles.deleteTree(folder.resolve(target));
            Files.move(partial, folder.resolve(target), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            AtomicFiles.deleteTree(partial);
        }
        Path newLink = folder.resolve(".src.link-" + UUID.randomUUID());
        Files.createSymbolicLink(newLink, Path.of(target));
        Files.move(newLink, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        AtomicFiles.syncFolder(folder);
        removeOthers(folder, target);
        return link;
    }

    /** Removes earlier sources and leftovers of interrupted exports. */
    private static void removeOthers(Path folder, String keep) throws IOException {
        List<Path> others;
        try (Stream<Path> entries = Files.list(folder)) {
            others = entries.filter(path -> {
                String name = path.getFileName().toString();
                return (name.startsWith("src.") || name.startsWith(".src.")) && !name.equals(keep);
            }).toList();
        }
        for (Path other : others) {
            AtomicFiles.deleteTree(other);
        }
    }
}
