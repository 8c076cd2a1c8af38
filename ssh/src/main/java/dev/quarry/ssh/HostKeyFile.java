package dev.quarry.ssh;

import java.nio.file.Path;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/** A server's host key kept in one file: made on first start (ECDSA P-256) and reused after. */
public final class HostKeyFile {
    private HostKeyFile() {}

    public static KeyPairProvider of(Path file) {
        SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(file);
        hostKeys.setAlgorithm(KeyUtils.EC_ALGORITHM);
        hostKeys.setKeySize(256);
        return hostKeys;
    }
}
