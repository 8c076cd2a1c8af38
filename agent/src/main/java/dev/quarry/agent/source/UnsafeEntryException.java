package dev.quarry.agent.source;

import java.io.IOException;

/** An archive entry the agent refuses to unpack: it would land outside the release, or is a device. */
public final class UnsafeEntryException extends IOException {
    public UnsafeEntryException(String message) {
        super(message);
    }
}
