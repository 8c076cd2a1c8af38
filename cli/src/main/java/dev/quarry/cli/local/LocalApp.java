package dev.quarry.cli.local;

import dev.quarry.cli.build.QuarryFileReading;
import dev.quarry.compiler.ParseResult;
import dev.quarry.compiler.QuarryFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The app of a folder: the name its quarry.yml gives, else the folder's. */
public final class LocalApp {
    private LocalApp() {}

    public static String name(Path directory) throws IOException {
        Path folder = directory.toAbsolutePath().normalize();
        Path file = folder.resolve(QuarryFile.NAME);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": not found; run this in the stack's folder, or pass -C DIR or"
                    + " --app APP");
        }
        return switch (QuarryFile.parse(file.toString(), QuarryFileReading.read(file),
                QuarryFileReading.defaultName(folder))) {
            case ParseResult.Parsed parsed -> parsed.spec().name();
            case ParseResult.Invalid invalid -> throw new IllegalArgumentException(invalid.problems().getFirst().toString());
        };
    }
}
