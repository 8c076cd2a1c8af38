package dev.quarry.hq.ssh;

import dev.quarry.hq.access.AccessControl;
import dev.quarry.hq.state.StateException;
import java.security.PublicKey;
import java.util.Optional;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts the public keys in {@code keys/*.pub} (authorized_keys format, several keys per file allowed;
 * the file's name is the user's) and those added with {@code keys add} (kept in the state store). Both are
 * read on every attempt, so adding or removing a key takes effect at once. The login name is not checked:
 * the key says who it is. The first attempt on a home with key files records them as its admins.
 */
public final class KeyFolderAuthenticator implements PublickeyAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(KeyFolderAuthenticator.class);

    private final AccessControl access;

    public KeyFolderAuthenticator(AccessControl access) {
        this.access = access;
    }

    @Override
    public boolean authenticate(String loginName, PublicKey key, ServerSession session) {
        Optional<String> user;
        try {
            user = access.identify(key);
        } catch (StateException e) {
            LOG.warn("cannot check a key of {}: {}", session.getClientAddress(), e.getMessage());
            return false;
        }
        user.ifPresent(name -> session.setAttribute(Sessions.USER, name));
        return user.isPresent();
    }
}
