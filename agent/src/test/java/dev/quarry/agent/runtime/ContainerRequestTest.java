package dev.quarry.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.compiler.spec.RuntimeKind;
import dev.quarry.compiler.spec.VolumeSpec;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A ContainerRequest checks itself when it is made, so no runtime sees a malformed one. */
class ContainerRequestTest {
    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of((Supplier<ContainerRequest>) () -> ContainerRequest.builder("shop.web.3", "127.0.0.1")
                        .run("x").toRequest(), "a container id is stack.node.release.index, such as shop.web.3.1,"
                        + " got \"shop.web.3\""),
                Arguments.of((Supplier<ContainerRequest>) () -> ContainerRequest.builder("shop.web.3.1", "localhost")
                        .run("x").toRequest(), "host must be an IP address such as 127.0.5.2, got \"localhost\""),
                Arguments.of((Supplier<ContainerRequest>) () -> ContainerRequest.builder("shop.web.3.1", "127.0.0.1")
                        .toRequest(), "a process container needs run, the command to start it"),
                Arguments.of((Supplier<ContainerRequest>) () -> ContainerRequest.builder("shop.web.3.1", "127.0.0.1")
                        .image("a").dockerfile("Dockerfile").toRequest(),
                        "a docker container needs exactly one of image and dockerfile"),
                Arguments.of((Supplier<ContainerRequest>) () -> ContainerRequest.builder("shop.web.3.1", "127.0.0.1")
                        .run("x").volume(new VolumeSpec("data", "/data", false)).toRequest(),
                        "volumes are for docker containers; a process uses its own folders"),
                Arguments.of((Supplier<ContainerRequest>) () -> ContainerRequest.builder("shop.web.3.1", "127.0.0.1")
                        .image("a").volume(new VolumeSpec("../etc", "/data", false)).toRequest(),
                        "volumes: \"../etc:/data\" is not NAME:/PATH[:ro] with NAME a name of 1 to 63 lowercase"
                        + " letters, digits and dashes, not starting with a dash"),
                Arguments.of((Supplier<ContainerRequest>) () -> ContainerRequest.builder("shop.web.3.1", "127.0.0.1")
                        .run("x").env("1X", "y").toRequest(), "env: \"1X\" is not a variable name; use letters,"
                        + " digits and underscores, not starting with a digit"),
                Arguments.of((Supplier<ContainerRequest>) () -> ContainerRequest.builder("shop.web.3.1", "127.0.0.1")
                        .run("x").label("dev.quarry.id", "forged").toRequest(), "labels: \"dev.quarry.id\" is not"
                        + " allowed; use lowercase letters, digits, dots and dashes, not starting with dev.quarry."),
                Arguments.of((Supplier<ContainerRequest>) () -> ContainerRequest.builder("shop.web.3.1", "127.0.0.1")
                        .run("x").port(70000).toRequest(), "port must be from 1 to 65535, got 70000"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void aMalformedRequestIsRefusedInOneLine(Supplier<ContainerRequest> request, String message) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, request::get);

        assertEquals(message, refused.getMessage());
    }

    @Test
    void theKindFollowsFromImageOrDockerfile() {
        assertEquals(RuntimeKind.DOCKER, ContainerRequest.builder("shop.db.1.1", "127.0.0.1").image("postgres:16")
                .toRequest().kind());
        assertEquals(RuntimeKind.PROCESS, ContainerRequest.builder("shop.web.1.1", "127.0.0.1").run("./server")
                .toRequest().kind());
    }
}
