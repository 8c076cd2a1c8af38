package dev.quarry.agent.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MirroredPathTest {
    @ParameterizedTest
    @ValueSource(strings = {"hosts", "nginx/upstreams.conf", "a/b/c/d/e/f/g/h", "quarry_1.env"})
    void plainNamesAreFilesBelowTheFolder(String name) {
        assertEquals(Optional.of(Path.of(name)), MirroredPath.of(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../etc/passwd", "a/../../b", "/etc/hosts", "a//b", ".ssh/authorized_keys", "a/",
        "-rf", "a/b/c/d/e/f/g/h/i", "a\\b", "a b"})
    void anythingElseNamesNoFile(String name) {
        assertEquals(Optional.empty(), MirroredPath.of(name));
    }
}
