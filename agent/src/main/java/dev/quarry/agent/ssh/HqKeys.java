package dev.quarry.agent.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts only the public keys in HQ's key file (authorized_keys format, one key a line). The file
 * is read on every attempt, so replacing HQ's key takes effect at once. The login name is not checked.
 */
public final class HqKeys implements PublickeyAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(HqKeys.class);

    private final Path file;

    public HqKeys(Path file) {
        this.file = file;
    }

    @Override
    public boolean authenticate(String loginName, PublicKey key, ServerSession session) {
        if (!Files.isRegularFile(file)) {
            LOG.warn("refused a key: HQ's key file {} does not exist; put HQ's public key there", file);
            return false;
        }
        try {
            for (AuthorizedKeyEntry entry : AuthorizedKeyEntry.readAuthorizedKeys(file)) {
                PublicKey known = entry.resolvePublicKey(session, PublicKeyEntryResolver.IGNORING);
                if (known != null && KeyUtils.compareKeys(known, key)) {
                    return true;
                }
            }
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            LOG.warn("cannot read HQ's keys in {}: {}; fix that file", file, e.getMessage());
            return false;
        }
        LOG.info("refused a key that is not HQ's ({}) from {}", KeyUtils.getFingerPrint(key), session.getClientAddress());
        return false;
    }
}
