package dev.quarry.cli.build;

import dev.quarry.compiler.yaml.SafeYaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Reads a quarry.yml from disk for the compiler, never more than the compiler would accept plus one byte. */
public final class QuarryFileReading {
    private QuarryFileReading() {}

    public static byte[] read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SafeYaml.MAX_BYTES + 1);
        }
    }

    /** The stack's name when quarry.yml sets none: the folder's name, as a repository name would be. */
    public static String defaultName(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        Path name = absolute.getFileName();
        return name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    }
}
