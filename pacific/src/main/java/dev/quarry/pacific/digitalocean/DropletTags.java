package dev.quarry.pacific.digitalocean;

import com.myjeeva.digitalocean.pojo.Droplet;
import dev.quarry.pacific.provider.CloudFailure;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The DigitalOcean tags of a grid's droplets: {@code quarry}, the grid's name, and each requested server tag as
 * {@code quarry:<tag>} so it can be told apart from tags people put on droplets themselves.
 */
final class DropletTags {
    static final String QUARRY = "quarry";
    private static final String SERVER_TAG_PREFIX = "quarry:";

    private DropletTags() {}

    static List<String> of(String grid, Set<String> serverTags) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(QUARRY);
        tags.add(grid);
        serverTags.stream().sorted().forEach(tag -> tags.add(SERVER_TAG_PREFIX + tag));
        return List.copyOf(tags);
    }

    /** Whether a droplet with these tags is one of this grid's servers. */
    static boolean belongsTo(List<String> dropletTags, String grid) {
        return dropletTags != null && dropletTags.contains(QUARRY) && dropletTags.contains(grid);
    }

    /** The droplet, if it exists; refuses one that is not the grid's, so no one else's droplet is ever touched. */
    static Optional<Droplet> requireOwn(Optional<Droplet> droplet, String grid) throws CloudFailure {
        if (droplet.isPresent() && !belongsTo(droplet.get().getTags(), grid)) {
            throw new CloudFailure("droplet " + droplet.get().getId() + " (" + droplet.get().getName()
                    + ") is not a server of grid " + grid + " (it lacks the tags quarry and " + grid
                    + "); pacific only changes droplets it made");
        }
        return droplet;
    }

    /** The server tags among a droplet's tags. */
    static Set<String> serverTags(List<String> dropletTags) {
        if (dropletTags == null) {
            return Set.of();
        }
        return dropletTags.stream()
                .filter(tag -> tag.startsWith(SERVER_TAG_PREFIX))
                .map(tag -> tag.substring(SERVER_TAG_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
    }
}
