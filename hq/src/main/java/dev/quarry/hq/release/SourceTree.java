package dev.quarry.hq.release;

import java.io.IOException;
import java.nio.file.Path;

/** A release's source files, which can be written out into a folder (a git commit's tree). */
@FunctionalInterface
public interface SourceTree {
    /** Writes every file into {@code emptyFolder}, which exists and is empty. */
    void exportTo(Path emptyFolder) throws IOException;
}
