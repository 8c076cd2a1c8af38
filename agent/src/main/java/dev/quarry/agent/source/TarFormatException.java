package dev.quarry.agent.source;

import java.io.IOException;

/** The stream is not a tar archive the agent reads (bad checksum, cut short, unknown header). */
public final class TarFormatException extends IOException {
    public TarFormatException(String message) {
        super(message);
    }
}
