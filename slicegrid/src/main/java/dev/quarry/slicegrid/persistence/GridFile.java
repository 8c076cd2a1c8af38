package dev.quarry.slicegrid.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.quarry.files.AtomicFiles;
import dev.quarry.slicegrid.GridSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes grid.json. A write goes to a temporary file beside it, is forced to disk, then renamed
 * over the old file, so a crash leaves either the old grid or the new one, never half of one. A file that
 * is not a valid grid is refused with a {@link GridFileException} naming it, and never changed.
 */
public final class GridFile {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private GridFile() {}

    public static GridSnapshot read(Path file) throws IOException {
        return fromBytes(Files.readAllBytes(file), file);
    }

    /** A grid from grid.json's bytes kept elsewhere (HQ's state store); {@code file} names them in errors. */
    public static GridSnapshot fromBytes(byte[] bytes, Path file) throws GridFileException {
        GridDocument document;
        try {
            document = MAPPER.readValue(bytes, GridDocument.class);
        } catch (JsonProcessingException invalid) {
            String where = invalid.getLocation() == null ? ""
                    : " at line " + invalid.getLocation().getLineNr() + ", column " + invalid.getLocation().getColumnNr();
            throw new GridFileException(file, "not a valid grid.json" + where + " (" + invalid.getOriginalMessage() + ")", invalid);
        } catch (IOException unreadable) {
            throw new GridFileException(file, "not readable as grid.json (" + unreadable.getMessage() + ")", unreadable);
        }
        if (document == null) {
            throw new GridFileException(file, "not a valid grid.json (the file holds no grid)", null);
        }
        try {
            return document.toSnapshot();
        } catch (IllegalArgumentException invalid) {
            throw new GridFileException(file, invalid.getMessage(), invalid);
        }
    }

    public static void write(Path file, GridSnapshot snapshot) throws IOException {
        AtomicFiles.write(file, toBytes(snapshot));
    }

    /** grid.json's bytes, for a store of the caller's. */
    public static byte[] toBytes(GridSnapshot snapshot) {
        try {
            return MAPPER.writeValueAsBytes(GridDocument.of(snapshot));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a grid as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
