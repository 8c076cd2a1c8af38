package dev.quarry.pacific.digitalocean;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/** The stand-in's droplet sizes: 27 of DigitalOcean's, so that {@code GET /v2/sizes} takes two pages of 25. */
final class StandInSizes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REGIONS = List.of("ams3", "fra1", "lon1", "nyc1", "sfo3");

    /** slug, memory MiB, vcpus, disk GB, hourly price. */
    record Size(String slug, int memory, int vcpus, int disk, String hourly) {}

    static final List<Size> ALL = List.of(
            new Size("s-1vcpu-512mb-10gb", 512, 1, 10, "0.00595"),
            new Size("s-1vcpu-1gb", 1024, 1, 25, "0.00893"),
            new Size("s-1vcpu-1gb-amd", 1024, 1, 25, "0.01042"),
            new Size("s-1vcpu-1gb-intel", 1024, 1, 25, "0.01042"),
            new Size("s-1vcpu-2gb", 2048, 1, 50, "0.01786"),
            new Size("s-1vcpu-2gb-amd", 2048, 1, 50, "0.02083"),
            new Size("s-1vcpu-2gb-intel", 2048, 1, 50, "0.02083"),
            new Size("s-2vcpu-2gb", 2048, 2, 60, "0.02679"),
            new Size("s-2vcpu-2gb-amd", 2048, 2, 60, "0.03125"),
            new Size("s-2vcpu-2gb-intel", 2048, 2, 60, "0.03125"),
            new Size("s-2vcpu-4gb", 4096, 2, 80, "0.03571"),
            new Size("s-2vcpu-4gb-amd", 4096, 2, 80, "0.04167"),
            new Size("s-2vcpu-4gb-intel", 4096, 2, 80, "0.04167"),
            new Size("c-2", 4096, 2, 25, "0.06250"),
            new Size("s-4vcpu-8gb", 8192, 4, 160, "0.07143"),
            new Size("s-4vcpu-8gb-amd", 8192, 4, 160, "0.08333"),
            new Size("s-4vcpu-8gb-intel", 8192, 4, 160, "0.08333"),
            new Size("g-2vcpu-8gb", 8192, 2, 25, "0.09375"),
            new Size("gd-2vcpu-8gb", 8192, 2, 50, "0.10119"),
            new Size("c-4", 8192, 4, 50, "0.12500"),
            new Size("m-2vcpu-16gb", 16384, 2, 50, "0.12500"),
            new Size("s-8vcpu-16gb", 16384, 8, 320, "0.14286"),
            new Size("s-8vcpu-16gb-amd", 16384, 8, 320, "0.16667"),
            new Size("s-8vcpu-16gb-intel", 16384, 8, 320, "0.16667"),
            new Size("so-2vcpu-16gb", 16384, 2, 300, "0.18601"),
            new Size("c-8", 16384, 8, 100, "0.25000"),
            new Size("s-8vcpu-32gb-640gb-intel", 32768, 8, 640, "0.28571"));

    private StandInSizes() {}

    /** {@code GET /v2/sizes?page=N&per_page=M}: one page, with links.pages.next while more follow. */
    static StandInResponse page(Map<String, String> query) {
        int page = Integer.parseInt(query.getOrDefault("page", "1"));
        int perPage = Integer.parseInt(query.getOrDefault("per_page", "20"));
        ObjectNode body = JSON.createObjectNode();
        ArrayNode sizes = body.putArray("sizes");
        ALL.stream().skip((long) (page - 1) * perPage).limit(perPage).map(StandInSizes::json).forEach(sizes::add);
        ObjectNode pages = body.putObject("links").putObject("pages");
        if (page * perPage < ALL.size()) {
            pages.put("next", "https://api.digitalocean.com/v2/sizes?page=" + (page + 1) + "&per_page=" + perPage);
            pages.put("last", "https://api.digitalocean.com/v2/sizes?page=" + (ALL.size() + perPage - 1) / perPage
                    + "&per_page=" + perPage);
        }
        body.putObject("meta").put("total", ALL.size());
        return StandInResponse.json(200, body.toString());
    }

    static Size find(String slug) {
        return ALL.stream().filter(size -> size.slug().equals(slug)).findFirst().orElse(null);
    }

    /** The documented shape of one size object. */
    static ObjectNode json(Size size) {
        ObjectNode node = JSON.createObjectNode();
        node.put("slug", size.slug());
        node.put("memory", size.memory());
        node.put("vcpus", size.vcpus());
        node.put("disk", size.disk());
        node.put("transfer", 1.0);
        node.put("price_monthly", new BigDecimal(size.hourly()).multiply(BigDecimal.valueOf(672))
                .setScale(2, RoundingMode.HALF_UP));
        node.put("price_hourly", new BigDecimal(size.hourly()));
        REGIONS.forEach(node.putArray("regions")::add);
        node.put("available", true);
        node.put("description", "Basic");
        return node;
    }
}
