package dev.quarry.pacific.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The values every provider speaks in: validated when made, each event one line. */
class ServerValuesTest {
    private static final Server SERVER = new Server("3164494", "quarry-main-k3v9qa", "203.0.113.10", 2200,
            ServerSize.of(2048, 2000), Set.of("ssd", "gpu"), new BigDecimal("0.02679"), ServerState.ACTIVE);

    @Test
    void eventsSayWhatHappenedInOneLine() {
        assertEquals("added server quarry-main-k3v9qa (id 3164494, 203.0.113.10:2200, 2048M,2000m, tags gpu ssd, "
                + "$0.02679/h, active)", new ProviderEvent.Added(SERVER).describe());
        assertEquals("removed server quarry-main-k3v9qa (id 3164494)", new ProviderEvent.Removed(SERVER).describe());
        Server bigger = SERVER.withSize(ServerSize.of(4096, 2000), new BigDecimal("0.03571"));
        assertEquals("resized server quarry-main-k3v9qa (id 3164494) from 2048M,2000m to 4096M,2000m, $0.03571/h",
                new ProviderEvent.Resized(SERVER, bigger).describe());
    }

    @Test
    void invalidValuesAreRefusedWithAReason() {
        assertEquals("server memory must be at least 1 MiB, got 0 MiB",
                assertThrows(IllegalArgumentException.class, () -> ServerSize.of(0, 1000)).getMessage());
        assertEquals("server tag \"SSD\" is not a tag: use lower-case letters, digits and dashes, 1 to 63 characters",
                assertThrows(IllegalArgumentException.class,
                        () -> new ServerRequest(ServerSize.of(1, 1), Set.of("SSD"))).getMessage());
    }

    @Test
    void aListenerThatFailsDoesNotStopTheOthers() {
        ProviderListeners listeners = new ProviderListeners();
        List<String> heard = new ArrayList<>();
        listeners.add(event -> {
            throw new IllegalStateException("broken listener");
        });
        listeners.add(event -> heard.add(event.describe()));

        listeners.tell(new ProviderEvent.Removed(SERVER));

        assertEquals(List.of("removed server quarry-main-k3v9qa (id 3164494)"), heard);
    }
}
