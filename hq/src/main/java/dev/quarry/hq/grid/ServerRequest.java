package dev.quarry.hq.grid;

import static java.util.Objects.requireNonNull;

import dev.quarry.slicegrid.model.Resources;
import java.util.Optional;
import java.util.Set;

/**
 * A server the grid asks for.
 *
 * @param id the id it gets, such as {@code s3}
 * @param capacity at least this much memory and cpu
 * @param tags the tags it must carry
 * @param again the settings of a server to start again as it was (a local server after HQ restarted), or empty
 */
public record ServerRequest(String id, Resources capacity, Set<String> tags, Optional<ServerSettings> again) {
    public ServerRequest {
        requireNonNull(id, "id is null");
        requireNonNull(capacity, "capacity is null");
        tags = Set.copyOf(tags);
        requireNonNull(again, "again is null");
    }

    /** Starts {@code server} again, as it was. */
    public static ServerRequest again(ServerSettings server) {
        return new ServerRequest(server.id(), server.capacity(), Set.copyOf(server.tags()), Optional.of(server));
    }
}
