package dev.quarry.hq.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A release's template read from its exported source: only a regular UTF-8 file of at most 64 KiB. */
class RouterTemplateFileTest {
    @TempDir
    Path source;

    @Test
    void readsARegularTemplateAndNothingWhenThereIsNone() throws Exception {
        assertEquals(Optional.empty(), RouterTemplateFile.read(source));

        Files.createDirectories(source.resolve(".quarry"));
        Files.writeString(source.resolve(".quarry/nginx.mustache"), "gzip on;\n");

        assertEquals(Optional.of("gzip on;\n"), RouterTemplateFile.read(source));
    }

    @Test
    void refusesASymbolicLinkEvenToAHugeFile() throws Exception {
        Path huge = source.resolveSibling(source.getFileName() + "-huge");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(3L << 30);
        }
        try {
            Files.createDirectories(source.resolve(".quarry"));
            Files.createSymbolicLink(source.resolve(".quarry/nginx.mustache"), huge);

            assertEquals(".quarry/nginx.mustache is not a regular file (a symbolic link?); a stack template must be a"
                    + " regular file of at most 64 KiB", refusal());
        } finally {
            Files.delete(huge);
        }
    }

    @Test
    void refusesAFolderLinkAFileOver64KibAndBytesThatAreNotUtf8() throws Exception {
        Files.createSymbolicLink(source.resolve(".quarry"), Files.createDirectories(source.resolve("elsewhere")));
        Files.writeString(source.resolve("elsewhere/nginx.mustache"), "gzip on;\n");
        assertEquals(".quarry/nginx.mustache is not a regular file (a symbolic link?); a stack template must be a"
                + " regular file of at most 64 KiB", refusal());

        Files.delete(source.resolve(".quarry"));
        Files.createDirectories(source.resolve(".quarry"));
        Files.write(source.resolve(".quarry/nginx.mustache"), new byte[64 * 1024 + 1]);
        assertEquals(".quarry/nginx.mustache is over 65536 bytes (64 KiB); a stack template must be a regular file of"
                + " at most 64 KiB", refusal());

        Files.write(source.resolve(".quarry/nginx.mustache"), new byte[] {(byte) 0xff, (byte) 0xfe});
        assertEquals(".quarry/nginx.mustache is not UTF-8 text; a stack template must be a regular file of at most"
                + " 64 KiB", refusal());
    }

    private String refusal() {
        return assertThrows(LaunchFailure.class, () -> RouterTemplateFile.read(source)).getMessage();
    }
}
