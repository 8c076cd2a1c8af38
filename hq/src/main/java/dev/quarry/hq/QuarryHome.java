package dev.quarry.hq;

import dev.quarry.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The folder HQ keeps everything in (QUARRY_HOME): {@code etc/} (HQ's host key), {@code keys/}
 * (users' public keys), {@code stacks/}, {@code servers/}, {@code grid/}, and HQ's own
 * {@code locks/} and {@code tmp/}.
 *
 * @param root the folder
 */
public record QuarryHome(Path root) {
    public QuarryHome {
        root = root.toAbsolutePath().normalize();
    }

    /**
     * {@code --home} if given, else QUARRY_HOME, else {@code /home/quarry} for root and
     * {@code ~/.quarry} for anyone else.
     */
    public static QuarryHome resolve(Optional<String> flag, Map<String, String> environment, String userName,
            String userHome) {
        if (flag.isPresent()) {
            return new QuarryHome(Path.of(flag.get()));
        }
        String fromEnvironment = environment.get("QUARRY_HOME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new QuarryHome(Path.of(fromEnvironment));
        }
        return new QuarryHome("root".equals(userName) ? Path.of("/home/quarry") : Path.of(userHome, ".quarry"));
    }

    public Path etc() {
        return root.resolve("etc");
    }

    public Path keys() {
        return root.resolve("keys");
    }

    public Path stacks() {
        return root.resolve("stacks");
    }

    public Path locks() {
        return root.resolve("locks");
    }

    public Path temporary() {
        return root.resolve("tmp");
    }

    /** HQ's SSH host key (private), made on first start. */
    public Path hostKey() {
        return etc().resolve("hq_host_key");
    }

    /** Its public half in OpenSSH's one-line format, for clients' known_hosts. */
    public Path hostPublicKey() {
        return etc().resolve("hq_host_key.pub");
    }

    /** Creates the folders HQ uses; {@code etc/} (HQ's private keys) and {@code keys/} only HQ's user may open. */
    public void prepare() throws IOException {
        for (Path folder : List.of(stacks(), root.resolve("servers"), root.resolve("grid"), locks(), temporary())) {
            AtomicFiles.createFolders(folder);
        }
        AtomicFiles.createSecretFolder(etc());
        AtomicFiles.createSecretFolder(keys());
    }
}
