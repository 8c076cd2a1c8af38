package dev.quarry.hq.access;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key files of an HQ's home, {@code keys/NAME.pub} (authorized_keys format, several keys per file
 * allowed): the file's name is the user's. Read on every call, so a file added or removed counts at once.
 */
public final class KeyFolder {
    private static final Logger LOG = LoggerFactory.getLogger(KeyFolder.class);

    private final Path folder;

    public KeyFolder(Path folder) {
        this.folder = folder;
    }

    /** The users with a key file, sorted. */
    public List<String> names() {
        return files().stream().map(KeyFolder::name).toList();
    }

    /** Every user's keys, by name in sorted order; a file that cannot be read is left out (and logged). */
    public Map<String, List<PublicKey>> keys() {
        Map<String, List<PublicKey>> keys = new LinkedHashMap<>();
        for (Path file : files()) {
            keys.put(name(file), read(file));
        }
        return keys;
    }

    /** Whether the user has a key file here. */
    public boolean has(String name) {
        return KeyNames.isName(name) && Files.isRegularFile(file(name));
    }

    /** Removes the user's key file; false when there was none. */
    public boolean remove(String name) throws IOException {
        return KeyNames.isName(name) && Files.deleteIfExists(file(name));
    }

    private Path file(String name) {
        return folder.resolve(name + ".pub");
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.pub")) {
            for (Path file : stream) {
                if (KeyNames.isName(name(file)) && Files.isRegularFile(file)) {
                    files.add(file);
                } else {
                    LOG.warn("ignoring {}: a key file is named USER.pub, USER of letters, digits, _ . -", file);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list the key folder {}: {}", folder, e.getMessage());
        }
        files.sort(null);
        return files;
    }

    private static String name(Path file) {
        return file.getFileName().toString().replaceFirst("\\.pub$", "");
    }

    private static List<PublicKey> read(Path file) {
        List<PublicKey> keys = new ArrayList<>();
        try {
            for (AuthorizedKeyEntry entry : AuthorizedKeyEntry.readAuthorizedKeys(file)) {
                PublicKey key = entry.resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
                if (key != null) {
                    keys.add(key);
                }
            }
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            LOG.warn("cannot read the keys in {}: {}; fix or remove that file", file, e.getMessage());
        }
        return keys;
    }
}
