package dev.quarry.agent.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A one-off's command runs word for word: each word single-quoted for {@code sh -c}, nothing split or expanded. */
class OneOffRequestTest {
    @Test
    void eachWordIsQuotedForTheShell() {
        OneOffRequest request = new OneOffRequest("shop.web.3.1", List.of("sh", "-c", "echo '$HOME'; exit 3"), null);

        assertEquals("'sh' '-c' 'echo '\\''$HOME'\\''; exit 3'", request.shellLine());
        assertEquals("sh", request.program());
        assertEquals(OneOffRequest.DEFAULT_TIMEOUT, request.timeout());
    }

    @Test
    void refusesNoCommandABadContainerAndTooManyWords() {
        assertEquals("a one-off needs a command, such as [\"sh\", \"-c\", \"env\"]", assertThrows(
                IllegalArgumentException.class, () -> new OneOffRequest("shop.web.3.1", List.of(), null)).getMessage());
        assertEquals("a container id is stack.node.release.index, such as shop.web.3.1, got \"../x\"", assertThrows(
                IllegalArgumentException.class, () -> new OneOffRequest("../x", List.of("true"), null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new OneOffRequest("shop.web.3.1",
                Collections.nCopies(OneOffRequest.MOST_WORDS + 1, "x"), null));
        assertThrows(IllegalArgumentException.class, () -> new OneOffRequest("shop.web.3.1", List.of("a\0b"), null));
    }

    @Test
    void travelsAsJson() {
        OneOffRequest request = new OneOffRequest("shop.web.3.1", List.of("env"), null);

        assertEquals(request, AgentJson.read(AgentJson.write(request), OneOffRequest.class));
    }
}
