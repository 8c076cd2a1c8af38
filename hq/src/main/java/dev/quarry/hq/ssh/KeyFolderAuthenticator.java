package dev.quarry.hq.ssh;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts the public keys in {@code keys/*.pub} (authorized_keys format, several keys per file
 * allowed); the file's name is the user's name. The folder is read on every attempt, so adding or
 * removing a key file takes effect at once. The login name is not checked: the key says who it is.
 */
public final class KeyFolderAuthenticator implements PublickeyAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(KeyFolderAuthenticator.class);
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");

    private final Path keys;

    public KeyFolderAuthenticator(Path keys) {
        this.keys = keys;
    }

    @Override
    public boolean authenticate(String loginName, PublicKey key, ServerSession session) {
        for (Path file : keyFiles()) {
            String user = file.getFileName().toString().replaceFirst("\\.pub$", "");
            if (holds(file, key, session)) {
                session.setAttribute(Sessions.USER, user);
                return true;
            }
        }
        return false;
    }

    private List<Path> keyFiles() {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(keys)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(keys, "*.pub")) {
            for (Path file : stream) {
                String user = file.getFileName().toString().replaceFirst("\\.pub$", "");
                if (USER_NAME.matcher(user).matches() && Files.isRegularFile(file)) {
                    files.add(file);
                } else {
                    LOG.warn("ignoring {}: a key file is named USER.pub, USER of letters, digits, _ . -", file);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list the key folder {}: {}", keys, e.getMessage());
        }
        files.sort(null);
        return files;
    }

    private static boolean holds(Path file, PublicKey key, ServerSession session) {
        try {
            for (AuthorizedKeyEntry entry : AuthorizedKeyEntry.readAuthorizedKeys(file)) {
                PublicKey known = entry.resolvePublicKey(session, PublicKeyEntryResolver.IGNORING);
                if (known != null && KeyUtils.compareKeys(known, key)) {
                    return true;
                }
            }
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            LOG.warn("cannot read the keys in {}: {}; fix or remove that file", file, e.getMessage());
        }
        return false;
    }
}
