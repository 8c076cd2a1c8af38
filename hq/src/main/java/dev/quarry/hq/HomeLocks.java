package dev.quarry.hq;

import dev.quarry.files.ProcessLock;
import java.io.IOException;

/** One HQ per home: the OS lock on {@code hq.lock}, with HQ's words when another HQ holds it. */
final class HomeLocks {
    private HomeLocks() {}

    static ProcessLock take(QuarryHome home) throws IOException {
        return ProcessLock.take(home.root().resolve("hq.lock"), owner -> new IllegalStateException(
                "another HQ already runs on " + home.root() + " (" + owner + "); stop it, or give this one another"
                        + " --home"));
    }
}
