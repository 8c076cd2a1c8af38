package dev.quarry.pacific.digitalocean;

import static java.util.Comparator.comparing;
import static java.util.Comparator.comparingInt;

import dev.quarry.pacific.provider.CloudFailure;
import dev.quarry.pacific.provider.ServerSize;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The sizes DigitalOcean offers, and the choice of the smallest one that fits a request: a pure function. */
public record SizeCatalog(List<SizeOffer> offers) {
    /** Least memory first, then fewest cpus, then cheapest, then by name so the choice is always the same. */
    static final Comparator<SizeOffer> SMALLEST_FIRST = comparingInt(SizeOffer::memoryMebibytes)
            .thenComparingInt(SizeOffer::vcpus)
            .thenComparing(SizeOffer::hourlyPrice)
            .thenComparing(SizeOffer::slug);

    public SizeCatalog {
        offers = List.copyOf(offers);
    }

    /** The smallest size offered in {@code region} with at least {@code wanted} memory and cpu. */
    public SizeOffer smallestFitting(ServerSize wanted, String region) throws CloudFailure {
        List<SizeOffer> inRegion = offers.stream().filter(offer -> offer.offeredIn(region)).toList();
        Optional<SizeOffer> fitting = inRegion.stream()
                .filter(offer -> offer.size().covers(wanted))
                .min(SMALLEST_FIRST);
        if (fitting.isPresent()) {
            return fitting.get();
        }
        if (inRegion.isEmpty()) {
            throw new CloudFailure("DigitalOcean offers no droplet size in region " + region
                    + "; set region in etc/cloud/digitalocean.json to one that has droplets (such as fra1)");
        }
        SizeOffer largest = inRegion.stream().max(comparing(SizeOffer::memoryMebibytes)
                .thenComparingInt(SizeOffer::vcpus)).orElseThrow();
        throw new CloudFailure("no DigitalOcean size in region " + region + " has " + wanted + " (the largest there is "
                + largest.describe() + "); ask for less memory or cpu in quarry.yml, or set another region in "
                + "etc/cloud/digitalocean.json");
    }

    /** The offer named {@code slug}, if DigitalOcean still lists it. */
    public Optional<SizeOffer> find(String slug) {
        return offers.stream().filter(offer -> offer.slug().equals(slug)).findFirst();
    }

    /** The hourly price of {@code slug}, or zero when it is not listed. */
    public BigDecimal hourlyPrice(String slug) {
        return find(slug).map(SizeOffer::hourlyPrice).orElse(BigDecimal.ZERO);
    }
}
