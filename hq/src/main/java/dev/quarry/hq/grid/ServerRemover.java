package dev.quarry.hq.grid;

import java.io.IOException;

/**
 * Gives back a server the grid no longer needs (slicegrid's destroy, once its containers are drained):
 * an in-process local server's agent stops and its folder goes; a provider's server is destroyed.
 */
@FunctionalInterface
public interface ServerRemover {
    /**
     * Destroys the server; one that is already gone counts as removed.
     *
     * @throws IOException with a one-line message when it cannot be removed (it is then still there)
     */
    void remove(ServerSettings server) throws IOException;
}
