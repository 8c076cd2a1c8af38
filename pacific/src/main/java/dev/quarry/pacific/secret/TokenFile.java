package dev.quarry.pacific.secret;

import dev.quarry.pacific.provider.CloudFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Reads an API token from a file that only its owner may read (mode 0600 or 0400), such as
 * {@code etc/cloud/digitalocean-token}. Whatever goes wrong, the message never contains the token.
 */
public final class TokenFile {
    private static final Set<PosixFilePermission> OTHERS = Set.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private TokenFile() {}

    /** The token in {@code file}: one line, surrounding white space dropped. */
    public static Secret read(Path file) throws CloudFailure {
        PosixFileAttributes attributes = attributes(file);
        if (!attributes.isRegularFile()) {
            throw new CloudFailure(file + " must be a file holding the API token; replace it with one");
        }
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (permissions.stream().anyMatch(OTHERS::contains) || !permissions.contains(PosixFilePermission.OWNER_READ)) {
            throw new CloudFailure(file + " must be readable by its owner only (mode 0600), it is "
                    + octal(permissions) + "; run chmod 600 " + file);
        }
        String token = content(file).strip();
        if (token.isEmpty()) {
            throw new CloudFailure(file + " is empty; put the API token in it, on one line");
        }
        if (token.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new CloudFailure(file + " must hold only the API token, on one line; remove anything else from it");
        }
        return new Secret(token);
    }

    private static PosixFileAttributes attributes(Path file) throws CloudFailure {
        try {
            return Files.readAttributes(file, PosixFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new CloudFailure(file + " is missing; put the API token in it, on one line, and run chmod 600 " + file);
        } catch (UnsupportedOperationException e) {
            throw new CloudFailure(file + " is on a file system without POSIX modes, so pacific cannot check that "
                    + "only its owner can read it; keep it on a POSIX file system with mode 0600");
        } catch (IOException e) {
            throw new CloudFailure("cannot read " + file + " (" + e.getClass().getSimpleName() + "); check that HQ's "
                    + "user owns it and can read it");
        }
    }

    private static String content(Path file) throws CloudFailure {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // the exception's own message is left out on purpose: a decoding error could quote the file.
            throw new CloudFailure("cannot read " + file + " (" + e.getClass().getSimpleName() + "); check that HQ's "
                    + "user owns it, can read it, and that it is UTF-8 text");
        }
    }

    /** {@code 0644}, as chmod writes it. */
    static String octal(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return String.format("0%03o", mode);
    }
}
