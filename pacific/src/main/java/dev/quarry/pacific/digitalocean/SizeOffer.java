package dev.quarry.pacific.digitalocean;

import static java.util.Objects.requireNonNull;

import dev.quarry.pacific.provider.ServerSize;
import java.math.BigDecimal;
import java.util.Set;

/**
 * One droplet size DigitalOcean offers ({@code GET /v2/sizes}).
 *
 * @param slug its name in the API ({@code s-1vcpu-2gb})
 * @param memoryMebibytes its memory in MiB
 * @param vcpus its virtual cpus
 * @param hourlyPrice US dollars per hour
 * @param regions the regions that offer it
 * @param available whether it can be made at all now
 */
public record SizeOffer(String slug, int memoryMebibytes, int vcpus, BigDecimal hourlyPrice, Set<String> regions,
        boolean available) {

    public SizeOffer {
        requireNonNull(slug, "slug is null");
        requireNonNull(hourlyPrice, "hourlyPrice is null");
        regions = Set.copyOf(requireNonNull(regions, "regions is null"));
    }

    /** Its memory and cpu in slicegrid's units (one vcpu is 1000 millicores). */
    public ServerSize size() {
        return new ServerSize(Math.max(1, memoryMebibytes), Math.max(1, vcpus) * 1000);
    }

    boolean offeredIn(String region) {
        return available && regions.contains(region);
    }

    /** {@code s-1vcpu-2gb (2048M,1000m, $0.01786/h)}. */
    String describe() {
        return slug + " (" + size() + ", $" + hourlyPrice.toPlainString() + "/h)";
    }
}
