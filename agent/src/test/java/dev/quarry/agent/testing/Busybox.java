package dev.quarry.agent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The test app: Debian's static busybox serving a folder over HTTP. A release's source holds
 * {@code www/index.html} and {@code www/up}; the command serves it on HOST:PORT.
 */
public final class Busybox {
    /** busybox-static, installed by bin/test. */
    public static final Path BINARY = Path.of("/bin/busybox");
    /** Serves {@code www/} of the current folder on HOST:PORT in the foreground. */
    public static final String SERVE = "exec busybox httpd -f -p $HOST:$PORT -h www";

    private Busybox() {}

    /** Writes a release source that SERVE serves: {@code www/index.html} and {@code www/up}. */
    public static Path writeApp(Path folder, String greeting) {
        try {
            Files.createDirectories(folder.resolve("www"));
            Files.writeString(folder.resolve("www/index.html"), greeting + "\n", StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("www/up"), "ok\n", StandardCharsets.UTF_8);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails loudly when busybox-static is missing: these tests never skip. */
    public static void require() {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError(BINARY + " is missing; install busybox-static (bin/test does)");
        }
    }
}
