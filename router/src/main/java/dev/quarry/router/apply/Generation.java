package dev.quarry.router.apply;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * One complete nginx configuration in its own folder, {@code generations/NNNNNNNN}; the live one is
 * the target of the {@code live} symlink.
 */
record Generation(long number, Path folder) {
    Generation {
        requireNonNull(folder, "folder is null");
    }

    Path mainConfig() {
        return folder.resolve("nginx.conf");
    }
}
