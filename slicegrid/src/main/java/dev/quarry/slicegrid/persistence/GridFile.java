package dev.quarry.slicegrid.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.quarry.slicegrid.GridSnapshot;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.UUID;

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
        byte[] bytes = Files.readAllBytes(file);
        GridDocument document;
        try {
            document = MAPPER.readValue(bytes, GridDocument.class);
        } catch (JsonProcessingException invalid) {
            String where = invalid.getLocation() == null ? ""
                    : " at line " + invalid.getLocation().getLineNr() + ", column " + invalid.getLocation().getColumnNr();
            throw new GridFileException(file, "not a valid grid.json" + where + " (" + invalid.getOriginalMessage() + ")", invalid);
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
        byte[] bytes = MAPPER.writeValueAsBytes(GridDocument.of(snapshot));
        Path directory = file.toAbsolutePath().getParent();
        Path temporary = directory.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            move(temporary, file);
            forceDirectory(directory);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void move(Path temporary, Path file) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            throw new IOException(file + ": cannot replace the file atomically on this file system", notAtomic);
        }
    }

    /** Makes the rename itself durable; some systems cannot open a directory, which is fine to skip. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupported) {
            // the rename is done; only its durability on a crash is less certain here
        }
    }
}
