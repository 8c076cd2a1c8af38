package dev.quarry.hq.grid;

import java.io.IOException;

/**
 * Brings up a server and its agent when the grid needs one: HQ's in-process local agents
 * ({@link LocalServerStarter}) now; pacific's providers (local, DigitalOcean) can take its place.
 * HQ chooses the implementation in one place (Hq).
 */
@FunctionalInterface
public interface ServerStarter {
    /**
     * Starts the server asked for and answers its settings once its agent listens.
     *
     * @throws IOException with a one-line message when the server cannot be started
     */
    ServerSettings start(ServerRequest request) throws IOException;
}
