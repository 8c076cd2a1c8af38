package dev.quarry.hq.identity;

import dev.quarry.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The operator's secret that seals the grid's private keys in the store: the environment variable
 * {@value #VARIABLE}, else the file {@code etc/grid_secret} (mode 0600). Every HQ of a grid needs the same one;
 * it is never written to the store.
 *
 * @param text at least {@value #MINIMUM_LENGTH} characters, surrounding white space stripped
 * @param origin where it came from, for messages
 */
public record GridSecret(String text, String origin) {
    /** The environment variable that gives the secret. */
    public static final String VARIABLE = "QUARRY_GRID_SECRET";
    /** The shortest secret accepted. */
    public static final int MINIMUM_LENGTH = 16;
    private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    public GridSecret {
        if (text == null || text.strip().length() < MINIMUM_LENGTH) {
            throw new IllegalArgumentException("the grid secret in " + origin + " is shorter than " + MINIMUM_LENGTH
                    + " characters; use a long random one, the same on every HQ (for example: openssl rand -base64 32)");
        }
        text = text.strip();
    }

    /** The file under {@code etc}. */
    public static Path file(Path etc) {
        return etc.resolve("grid_secret");
    }

    /**
     * The secret from the environment, else from {@code etc/grid_secret}; empty when neither gives one.
     *
     * @throws IllegalArgumentException when one is given but too short, or the file is readable by others
     */
    public static Optional<GridSecret> find(Map<String, String> environment, Path etc) throws IOException {
        String fromEnvironment = environment.get(VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(new GridSecret(fromEnvironment, "the environment variable " + VARIABLE));
        }
        Path file = file(etc);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
        if (mode.stream().anyMatch(OTHERS::contains)) {
            throw new IllegalArgumentException(file + " may be read by others (mode "
                    + PosixFilePermissions.toString(mode) + "); run chmod 600 " + file);
        }
        return Optional.of(new GridSecret(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
    }

    /** Makes a random secret in {@code etc/grid_secret} (mode 0600), for the first HQ of a grid. */
    public static GridSecret make(Path etc) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path file = file(etc);
        AtomicFiles.write(file, (text + "\n").getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return new GridSecret(text, file.toString());
    }

    @Override
    public String toString() {
        return "GridSecret[from " + origin + "]";
    }
}
