package dev.quarry.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** The one line a user reads when something fails: a message, what the failure means, never a bare class name. */
class RuntimeFailureTest {
    @Test
    void theFirstLineOfTheMessage() {
        assertEquals("disk full", RuntimeFailure.firstLine(new IOException("  disk full\n  at somewhere\n"), "HQ"));
    }

    @Test
    void aCauseSpeaksForAWrapperWithoutAMessage() {
        RuntimeException wrapper = new RuntimeException(null, new IOException("agent 127.0.0.2:10000 did not answer"));

        assertEquals("agent 127.0.0.2:10000 did not answer", RuntimeFailure.firstLine(wrapper, "HQ"));
    }

    @Test
    void whatAFailureWithoutAMessageMeans() {
        assertEquals("the connection was refused", RuntimeFailure.firstLine(new UncheckedIOException(null,
                new ConnectException()), "HQ"));
        assertEquals("interrupted (Quarry is stopping)", RuntimeFailure.firstLine(new InterruptedException(), "HQ"));
    }

    @Test
    void anUnexpectedFailureSaysWhereItsDetailsAre() {
        assertEquals("an unexpected error (NullPointerException); HQ's log has the details",
                RuntimeFailure.firstLine(new NullPointerException(), "HQ"));
        assertEquals("an unexpected error (IllegalStateException); the agent's log has the details",
                RuntimeFailure.firstLine(new IllegalStateException(" \n")));
    }
}
