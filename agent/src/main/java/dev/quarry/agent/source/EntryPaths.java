package dev.quarry.agent.source;

import java.nio.file.Path;
import java.util.Optional;

/** Where an archive entry's name lands under the release folder, refusing names that leave it. */
final class EntryPaths {
    private EntryPaths() {}

    /** The entry's path under {@code root}; empty for the root itself ({@code ./}). */
    static Optional<Path> resolve(Path root, String name) throws UnsafeEntryException {
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new UnsafeEntryException("an entry has an empty name or one with a NUL character");
        }
        if (name.startsWith("/")) {
            throw new UnsafeEntryException("\"" + name + "\" is an absolute path; an archive's paths must be relative");
        }
        String relative = name;
        while (relative.startsWith("./")) {
            relative = relative.substring(2);
        }
        if (relative.isEmpty() || relative.equals(".")) {
            return Optional.empty();
        }
        for (String segment : relative.split("/")) {
            if (segment.equals("..")) {
                throw new UnsafeEntryException("\"" + name + "\" holds \"..\"; an archive's paths must stay in the release");
            }
        }
        Path path = root.resolve(relative).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new UnsafeEntryException("\"" + name + "\" leaves the release folder");
        }
        return Optional.of(path);
    }
}
