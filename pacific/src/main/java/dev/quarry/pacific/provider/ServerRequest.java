package dev.quarry.pacific.provider;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What slicegrid asks a provider for: a server of at least this size, carrying these tags.
 *
 * @param size the least memory and cpu the server must offer
 * @param tags the tags the server must carry (names like quarry.yml's {@code tags: [ssd]})
 */
public record ServerRequest(ServerSize size, Set<String> tags) {
    /** The shape of a tag, as quarry.yml accepts it. */
    public static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public ServerRequest {
        requireNonNull(size, "size is null");
        tags = Set.copyOf(requireNonNull(tags, "tags is null"));
        for (String tag : tags) {
            if (!TAG.matcher(tag).matches()) {
                throw new IllegalArgumentException("server tag \"" + tag
                        + "\" is not a tag: use lower-case letters, digits and dashes, 1 to 63 characters");
            }
        }
    }

    public static ServerRequest of(ServerSize size) {
        return new ServerRequest(size, Set.of());
    }
}
