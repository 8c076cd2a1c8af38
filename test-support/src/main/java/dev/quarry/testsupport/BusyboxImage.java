package dev.quarry.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tiny Docker image made here, no registry needed: a root file system holding Debian's
 * busybox-static and its applet links plus the files a test gives, imported with {@code docker import}.
 * Tests remove it by its reference when done.
 */
public final class BusyboxImage {
    /** busybox-static, which bin/test installs. */
    public static final Path BUSYBOX = Path.of("/bin/busybox");
    private static final List<String> APPLETS = List.of("sh", "httpd", "sleep", "cat", "echo", "ls", "env", "true",
            "false", "kill", "wc");

    private BusyboxImage() {}

    /** Fails loudly when busybox-static is missing: tests never skip. */
    public static void requireBusybox() {
        if (!Files.isExecutable(BUSYBOX)) {
            throw new AssertionError(BUSYBOX + " is missing; install busybox-static (bin/test does)");
        }
    }

    /**
     * Imports {@code repository:tag} holding busybox and {@code files} (path inside the image → content);
     * answers the reference.
     */
    public static String importAs(String repository, String tag, Map<String, String> files, Path workFolder) {
        requireBusybox();
        try {
            Path root = Files.createDirectories(workFolder.resolve("rootfs"));
            Files.createDirectories(root.resolve("bin"));
            Files.createDirectories(root.resolve("tmp"));
            Files.copy(BUSYBOX, root.resolve("bin/busybox"));
            for (String applet : APPLETS) {
                Files.createSymbolicLink(root.resolve("bin").resolve(applet), Path.of("busybox"));
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = root.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
            Path tar = workFolder.resolve("rootfs.tar");
            Commands.run(List.of("tar", "-C", root.toString(), "-cf", tar.toString(), "."), workFolder, Map.of())
                    .requireSuccess();
            String reference = repository + ":" + tag;
            Commands.run(List.of("docker", "import", tar.toString(), reference), workFolder, Map.of()).requireSuccess();
            return reference;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the image (by its reference) if it is still there. */
    public static void remove(String reference) {
        Commands.run(new ArrayList<>(List.of("docker", "rmi", "-f", reference)), Path.of("/"), Map.of());
    }
}
