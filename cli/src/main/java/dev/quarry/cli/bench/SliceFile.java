package dev.quarry.cli.bench;

import dev.quarry.slicegrid.model.Resources;
import dev.quarry.slicegrid.model.Slice;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Slices from a CSV file ({@code id,memoryMiB,cpuMillicores}, no header) and assignments to one. */
final class SliceFile {
    private SliceFile() {}

    static List<Slice> read(Path file) throws IOException, BadOptionException {
        if (!Files.isRegularFile(file)) {
            throw new BadOptionException("--slices", file + ": no such file");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Slice> slices = new ArrayList<>(lines.size());
        Set<String> ids = new HashSet<>();
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index).strip();
            if (line.isEmpty()) {
                continue;
            }
            Slice slice = parse(file, index + 1, line);
            if (!ids.add(slice.id())) {
                throw new BadOptionException("--slices", file + ":" + (index + 1) + ": slice id " + slice.id() + " appears twice");
            }
            slices.add(slice);
        }
        return slices;
    }

    private static Slice parse(Path file, int lineNumber, String line) throws BadOptionException {
        String[] fields = line.split(",", -1);
        try {
            if (fields.length == 3 && !fields[0].isBlank()) {
                return Slice.of(fields[0].strip(), new Resources(Integer.parseInt(fields[1].strip()), Integer.parseInt(fields[2].strip())));
            }
        } catch (IllegalArgumentException invalid) {
            // reported below
        }
        throw new BadOptionException("--slices", file + ":" + lineNumber
                + ": must be id,memoryMiB,cpuMillicores with whole numbers, not both zero, got \"" + line + "\"");
    }

    /** Writes {@code sliceId,blockIndex} lines in the order of the slices. */
    static void writeAssignment(Path file, List<Slice> slices, Map<String, String> blockOfSlice) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Slice slice : slices) {
                writer.write(slice.id() + "," + blockOfSlice.get(slice.id()));
                writer.newLine();
            }
        }
    }
}
