package dev.quarry.hq.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.hq.state.FileStateStore;
import dev.quarry.router.model.Endpoint;
import dev.quarry.router.model.NodeRoute;
import dev.quarry.router.model.StackRoutes;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routes one HQ recorded read back by another exactly, template (or none) included; the last one counts. */
class SharedRoutesTest {
    @TempDir
    Path root;

    @Test
    void routesAndTheirTemplateReadBackAsRecordedAndTheLastRecordCounts() {
        SharedRoutes written = new SharedRoutes(new FileStateStore(root));
        StackRoutes plain = new StackRoutes("shop", List.of(new NodeRoute("web", List.of("shop.test"),
                List.of(new Endpoint("127.0.0.2", 20001), new Endpoint("127.0.0.3", 20002)))));
        StackRoutes templated = new StackRoutes("blog", List.of(new NodeRoute("web", List.of("blog.test"),
                List.of())), Optional.of("location / { proxy_pass http://{{upstream}}; }\n"));
        written.record(plain);
        written.record(templated);
        StackRoutes moved = new StackRoutes("shop", List.of(new NodeRoute("web", List.of("shop.test"),
                List.of(new Endpoint("127.0.0.3", 20003)))));
        written.record(moved);

        SharedRoutes read = new SharedRoutes(new FileStateStore(root));
        assertEquals(List.of("blog", "shop"), read.stacks());
        assertEquals(Optional.of(moved), read.read("shop"));
        assertEquals(Optional.of(templated), read.read("blog"));
        assertEquals(Optional.empty(), read.read("nope"));
    }
}
