package dev.quarry.hq.grid;

import static java.util.Objects.requireNonNull;

/** Where the grid put a container, or why it could not (a rejection, not a breakdown). */
public sealed interface ServerChoice {

    /** The container goes on this server; its slice is reserved there. */
    record Placed(ServerSettings server) implements ServerChoice {
        public Placed {
            requireNonNull(server, "server is null");
        }
    }

    /**
     * No server has room and none can be added.
     *
     * @param reason one line, such as {@code the grid is full: 0 of 2 servers fit: 2 short of memory; ...}
     */
    record NoRoom(String reason) implements ServerChoice {
        public NoRoom {
            requireNonNull(reason, "reason is null");
        }
    }
}
