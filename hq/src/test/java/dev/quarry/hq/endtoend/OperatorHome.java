package dev.quarry.hq.endtoend;

import dev.quarry.hq.identity.GridSecret;
import dev.quarry.testsupport.SshKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** An HQ home as an operator prepares it for a grid on etcd: the grid secret and, maybe, the first admin's key file. */
final class OperatorHome {
    private OperatorHome() {}

    /**
     * Makes {@code folder} a home holding {@code secret} in {@code etc/} (mode 0600) and, unless {@code key} is null,
     * alice's key in {@code keys/}; nothing of another HQ.
     */
    static Path prepare(Path folder, SshKeys.KeyFiles key, String secret) throws Exception {
        Files.createDirectories(folder.resolve("keys"));
        if (key != null) {
            Files.copy(key.publicKey(), folder.resolve("keys/alice.pub"));
        }
        Files.createDirectories(folder.resolve("etc"));
        Path file = GridSecret.file(folder.resolve("etc"));
        Files.writeString(file, secret + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return folder;
    }
}
