package dev.quarry.slicegrid.persistence;

import java.io.IOException;
import java.nio.file.Path;

/** grid.json could not be read as a grid; the message names the file and what is wrong. The file is left as it is. */
public final class GridFileException extends IOException {
    public GridFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem + "; the file was left as it is", cause);
    }
}
