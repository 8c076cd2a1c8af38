package dev.quarry.pacific.digitalocean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.quarry.pacific.provider.CloudFailure;
import dev.quarry.pacific.provider.ServerSize;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The smallest size that fits: least memory, then fewest cpus, then cheapest; only sizes offered in the region. */
class SizeCatalogTest {
    private static final SizeCatalog CATALOG = new SizeCatalog(List.of(
            offer("s-1vcpu-1gb", 1024, 1, "0.00893", true, "fra1"),
            offer("s-1vcpu-2gb", 2048, 1, "0.01786", true, "fra1"),
            offer("s-1vcpu-2gb-amd", 2048, 1, "0.02083", true, "fra1"),
            offer("s-2vcpu-2gb", 2048, 2, "0.02679", true, "fra1"),
            offer("s-2vcpu-4gb", 4096, 2, "0.03571", false, "fra1"),
            offer("s-2vcpu-4gb-amd", 4096, 2, "0.04167", true, "fra1"),
            offer("c-2", 4096, 2, "0.06250", true, "nyc1"),
            offer("s-4vcpu-8gb", 8192, 4, "0.07143", true, "fra1")));

    @ParameterizedTest(name = "{0}M,{1}m -> {2}")
    @CsvSource({
        "512, 500, s-1vcpu-1gb",
        "1024, 1000, s-1vcpu-1gb",
        "1025, 1000, s-1vcpu-2gb",
        "2048, 1001, s-2vcpu-2gb",
        "3000, 1000, s-2vcpu-4gb-amd",
        "1024, 3000, s-4vcpu-8gb",
    })
    void choosesTheSmallestFittingSizeOfferedInTheRegion(int memory, int cpu, String slug) throws CloudFailure {
        assertEquals(slug, CATALOG.smallestFitting(ServerSize.of(memory, cpu), "fra1").slug());
    }

    @Test
    void nothingFitsSaysWhatTheLargestIs() {
        CloudFailure failure = assertThrows(CloudFailure.class,
                () -> CATALOG.smallestFitting(ServerSize.of(16384, 1000), "fra1"));

        assertEquals("pacific: no DigitalOcean size in region fra1 has 16384M,1000m (the largest there is "
                + "s-4vcpu-8gb (8192M,4000m, $0.07143/h)); ask for less memory or cpu in quarry.yml, or set another "
                + "region in etc/cloud/digitalocean.json", failure.getMessage());
    }

    @Test
    void aRegionWithoutSizesIsNamed() {
        CloudFailure failure = assertThrows(CloudFailure.class,
                () -> CATALOG.smallestFitting(ServerSize.of(512, 500), "xyz9"));

        assertEquals("pacific: DigitalOcean offers no droplet size in region xyz9; set region in "
                + "etc/cloud/digitalocean.json to one that has droplets (such as fra1)", failure.getMessage());
    }

    @Test
    void pricesOfUnlistedSizesAreZero() {
        assertEquals(new BigDecimal("0.02679"), CATALOG.hourlyPrice("s-2vcpu-2gb"));
        assertEquals(BigDecimal.ZERO, CATALOG.hourlyPrice("s-gone"));
    }

    private static SizeOffer offer(String slug, int memory, int vcpus, String price, boolean available, String region) {
        return new SizeOffer(slug, memory, vcpus, new BigDecimal(price), Set.of(region), available);
    }
}
