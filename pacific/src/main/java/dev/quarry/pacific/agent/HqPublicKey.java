package dev.quarry.pacific.agent;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * HQ's public key in OpenSSH's one-line form ({@code ssh-ed25519 AAAA... quarry@hq}), which every new server's
 * agent trusts. It is checked strictly because it is written into cloud-init user data and files.
 *
 * @param line the key line, without a line break
 */
public record HqPublicKey(String line) {
    private static final Pattern KEY = Pattern.compile(
            "(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\\.com"
                    + "|sk-ecdsa-sha2-nistp256@openssh\\.com) [A-Za-z0-9+/]+={0,3}( [A-Za-z0-9@._+=:-]{1,100})?");

    public HqPublicKey {
        requireNonNull(line, "line is null");
        line = line.strip();
        if (!KEY.matcher(line).matches()) {
            throw new IllegalArgumentException("HQ's public key is not one OpenSSH public key line "
                    + "(\"ssh-ed25519 AAAA... quarry@hq\"); give the contents of HQ's .pub file");
        }
    }

    @Override
    public String toString() {
        return line;
    }
}
