package dev.quarry.agent.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Symlinks in a release must stay in it: relative, pointing inside, and resolving inside once all is unpacked. */
final class SymlinkCheck {
    private SymlinkCheck() {}

    /** Checked when the link is made: a relative target that, read from the link's folder, stays inside. */
    static void pointsInside(Path root, Path link, String name, String target) throws UnsafeEntryException {
        if (target.isEmpty() || target.indexOf('\0') >= 0 || target.startsWith("/")) {
            throw new UnsafeEntryException("the symlink \"" + name + "\" points to \"" + target
                    + "\"; a release's symlinks must be relative and stay in the release");
        }
        Path resolved = link.getParent().resolve(target).normalize();
        if (!resolved.startsWith(root)) {
            throw new UnsafeEntryException("the symlink \"" + name + "\" points to \"" + target
                    + "\", outside the release");
        }
    }

    /** Checked after unpacking, following every link on the way: it must resolve to something inside. */
    static void resolvesInside(Path root, Path link) throws IOException {
        String name = root.relativize(link).toString();
        if (!Files.exists(link)) {
            throw new UnsafeEntryException("the symlink \"" + name + "\" points to nothing in the release;"
                    + " remove it or add what it points to");
        }
        if (!link.toRealPath().startsWith(root.toRealPath())) {
            throw new UnsafeEntryException("the symlink \"" + name + "\" resolves outside the release");
        }
    }
}
