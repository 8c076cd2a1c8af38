package dev.quarry.hq.launch;

import dev.quarry.router.template.TemplateChecker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * A release's {@code .quarry/nginx.mustache} in its exported source, read only when it is a regular file
 * (neither it nor {@code .quarry} a symbolic link) of at most 64 KiB of UTF-8: nothing a push holds can
 * make HQ read outside the source or run out of memory. The push refuses such a template first, from the
 * commit's blobs; this is the check again where the file is read.
 */
final class RouterTemplateFile {
    private RouterTemplateFile() {}

    static Optional<String> read(Path source) {
        Path folder = source.resolve(".quarry");
        Path file = folder.resolve("nginx.mustache");
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            if (Files.isSymbolicLink(folder) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw refused("is not a regular file (a symbolic link?)");
            }
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                byte[] bytes = in.readNBytes(TemplateChecker.MAX_BYTES + 1);
                if (bytes.length > TemplateChecker.MAX_BYTES) {
                    throw refused("is over " + TemplateChecker.MAX_BYTES + " bytes (64 KiB)");
                }
                return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
            }
        } catch (CharacterCodingException e) {
            throw refused("is not UTF-8 text");
        } catch (IOException e) {
            throw new LaunchFailure("cannot read " + TemplateChecker.FILE + ": " + e.getMessage(), List.of());
        }
    }

    private static LaunchFailure refused(String problem) {
        return new LaunchFailure(TemplateChecker.FILE + " " + problem + "; a stack template must be a regular file of"
                + " at most 64 KiB", List.of());
    }
}
