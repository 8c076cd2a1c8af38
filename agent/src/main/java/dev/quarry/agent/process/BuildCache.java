package dev.quarry.agent.process;

import dev.quarry.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The opt-out of build caching: with {@code BUILD_CACHE=off} in a build's env, the stack's HOME (where npm's,
 * Maven's and other tools' caches live between releases) is emptied before each build, so it downloads and
 * makes everything anew. (HQ then sends a build key of the release's own, so every release builds once.)
 */
public final class BuildCache {
    static final String VARIABLE = "BUILD_CACHE";
    static final String CLEARED = "-----> " + VARIABLE + "=off: the stack's HOME was emptied before this build";

    private BuildCache() {}

    static boolean isOff(Map<String, String> env) {
        return "off".equals(env.get(VARIABLE));
    }

    /** Deletes everything in the stack's HOME, keeping the folder itself (its owner and mode). */
    public static void clear(Path stackHome) throws IOException {
        if (!Files.isDirectory(stackHome)) {
            return;
        }
        List<Path> entries;
        try (Stream<Path> children = Files.list(stackHome)) {
            entries = children.toList();
        }
        for (Path entry : entries) {
            if (Files.isDirectory(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                AtomicFiles.deleteTree(entry);
            } else {
                Files.deleteIfExists(entry);
            }
        }
    }
}
