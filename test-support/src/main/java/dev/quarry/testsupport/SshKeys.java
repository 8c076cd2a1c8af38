package dev.quarry.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Makes OpenSSH key pairs with the real ssh-keygen. */
public final class SshKeys {
    private SshKeys() {}

    /**
     * A key pair made by ssh-keygen, without a passphrase.
     *
     * @param privateKey the private key file
     * @param publicKey the public key file ({@code privateKey.pub}), one line in authorized_keys format
     */
    public record KeyFiles(Path privateKey, Path publicKey) {
        /** The public key's one line, such as {@code ssh-ed25519 AAAA... alice}. */
        public String publicKeyLine() {
            try {
                return Files.readString(publicKey).strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** An ed25519 key pair, OpenSSH's default kind. */
    public static KeyFiles ed25519(Path directory, String name) {
        return generate(directory, name, "ed25519");
    }

    /** A key pair of the given ssh-keygen type: ed25519, ecdsa or rsa. */
    public static KeyFiles generate(Path directory, String name, String type) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path privateKey = directory.resolve(name);
        Commands.run(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C", name, "-f", privateKey.toString()),
                directory, Map.of()).requireSuccess();
        return new KeyFiles(privateKey, directory.resolve(name + ".pub"));
    }
}
