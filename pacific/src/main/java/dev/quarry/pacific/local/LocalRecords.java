package dev.quarry.pacific.local;

import dev.quarry.pacific.provider.CloudFailure;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the local provider keeps its servers' records ({@code local.json}, by server id): each home's
 * {@code servers/<id>/local.json} ({@link #inFolder}), or a store several HQs share (HQ's state store), so
 * every HQ of a grid knows every local server. The servers' folders (agent home, log) stay on the disk.
 */
public interface LocalRecords {
    /** The ids that have a record, sorted. */
    List<String> ids() throws CloudFailure;

    /** The record of {@code id}, or empty when there is none. */
    Optional<byte[]> read(String id) throws CloudFailure;

    /** Writes the record of {@code id} over whatever is there. */
    void write(String id, byte[] record) throws CloudFailure;

    /** Writes the record of {@code id} only if it has none; false when it already had one (taken meanwhile). */
    boolean claim(String id, byte[] record) throws CloudFailure;

    /** Removes the record of {@code id}, if any. */
    void remove(String id) throws CloudFailure;

    /** Where the record of {@code id} is, for messages. */
    String where(String id);

    /** What to remove to be rid of a damaged record of {@code id} whose server's folder is {@code folder}. */
    default String removal(String id, Path folder) {
        return "the folder " + folder;
    }

    /** Records as {@code servers/<id>/local.json} files under {@code servers}. */
    static LocalRecords inFolder(Path servers) {
        return new FileLocalRecords(servers);
    }
}
