package dev.quarry.hq.endtoend;

import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.Commands;
import dev.quarry.testsupport.OpenSshClient;
import dev.quarry.testsupport.SshKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Keys for the access tests: ssh with a file on standard input ({@code keys add}), and weak keys. */
final class Keys {
    private Keys() {}

    /** {@code ssh quarry@127.0.0.1 words... < input}. */
    static CommandResult runWithInput(OpenSshClient client, Path input, String... words) {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "exec \"$@\" < \"$QUARRY_TEST_INPUT\"", "sh"));
        command.addAll(client.command(List.of(), words));
        return Commands.run(command, input.getParent(), Map.of("QUARRY_TEST_INPUT", input.toString()));
    }

    /** An RSA key of {@code bits} bits, made by ssh-keygen. */
    static SshKeys.KeyFiles rsa(Path directory, String name, int bits) {
        Commands.run(List.of("mkdir", "-p", directory.toString()), Path.of("/"), Map.of()).requireSuccess();
        Commands.run(List.of("ssh-keygen", "-q", "-t", "rsa", "-b", Integer.toString(bits), "-N", "", "-C", name,
                "-f", directory.resolve(name).toString()), directory, Map.of()).requireSuccess();
        return new SshKeys.KeyFiles(directory.resolve(name), directory.resolve(name + ".pub"));
    }
}
