package dev.quarry.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The example app shipped inside the jar (examples/hello), written out to a folder. */
final class BundledExample {
    private static final String ROOT = "/dev/quarry/cli/demo/hello/";
    private static final List<String> FILES = List.of("quarry.yml", "public/index.html");

    private BundledExample() {}

    static Path writeTo(Path folder) throws IOException {
        for (String file : FILES) {
            Path target = folder.resolve(file);
            Files.createDirectories(target.getParent());
            try (InputStream in = BundledExample.class.getResourceAsStream(ROOT + file)) {
                if (in == null) {
                    throw new IOException("the jar lacks the bundled example's " + file + "; rebuild it with bin/quarry");
                }
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return folder;
    }
}
