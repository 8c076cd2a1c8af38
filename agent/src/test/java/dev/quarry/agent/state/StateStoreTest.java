package dev.quarry.agent.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.ContainerState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file holds containers' env values: only the agent's user may read it. */
class StateStoreTest {
    @TempDir
    Path temp;

    @Test
    void theStateFileIsMode0600InAFolderOfMode0700AndReadsBack() throws Exception {
        Path file = temp.resolve("home/state.json");
        ContainerRequest request = ContainerRequest.builder("shop.web.1.1", "127.0.0.1").run("./server")
                .env("API_TOKEN", "s3cret").port(20000).toRequest();

        StateStore.open(file).update(state -> state.withContainer(request.id(),
                new RecordedContainer(request, ContainerState.STOPPED, null, null, 0, null)));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals("s3cret", StateStore.open(file).current().containers().get("shop.web.1.1").request().env()
                .get("API_TOKEN"));
    }
}
