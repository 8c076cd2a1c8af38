package dev.quarry.hq.grid;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where the agents' host keys HQ learned from its provider are shared with the grid's other HQs: nowhere with one
 * HQ ({@link #NONE}), the state store with several ({@link StoredHostKeys}), so an HQ reaches, with known hosts
 * only, the droplets another HQ made.
 */
public interface HostKeyBook {
    /** Shares nothing: HQ is alone and its own known_hosts file is the whole truth. */
    HostKeyBook NONE = new HostKeyBook() {
        @Override
        public void record(String host, int port, String keyLine) {
            // nothing to share
        }

        @Override
        public void forget(String host, int port) {
            // nothing to share
        }

        @Override
        public void copyInto(Path knownHosts) {
            // nothing to copy
        }
    };

    /** Shares {@code keyLine} as the host key of the agent on {@code host}:{@code port}. */
    void record(String host, int port, String keyLine) throws IOException;

    /** No longer shares a host key for the agent on {@code host}:{@code port}. */
    void forget(String host, int port) throws IOException;

    /** Writes every shared host key into HQ's {@code known_hosts} file (each in place of a line for its agent). */
    void copyInto(Path knownHosts) throws IOException;
}
