package dev.quarry.pacific.digitalocean;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A droplet the stand-in keeps, rendered in the documented JSON shape. */
final class StandInDroplet {
    private static final ObjectMapper JSON = new ObjectMapper();

    final int id;
    final String name;
    final String region;
    final List<String> tags;
    String sizeSlug;
    String status = "new";
    int looks;

    StandInDroplet(int id, String name, String region, String sizeSlug, List<String> tags) {
        this.id = id;
        this.name = name;
        this.region = region;
        this.sizeSlug = sizeSlug;
        this.tags = List.copyOf(tags);
    }

    String publicAddress() {
        return "203.0.113." + (10 + id % 200);
    }

    ObjectNode json() {
        StandInSizes.Size size = StandInSizes.find(sizeSlug);
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id);
        node.put("name", name);
        node.put("memory", size.memory());
        node.put("vcpus", size.vcpus());
        node.put("disk", size.disk());
        node.put("locked", false);
        node.put("status", status);
        node.putNull("kernel");
        node.put("created_at", "2026-01-01T00:00:00Z");
        node.putArray("features").add("droplet_agent");
        node.putArray("backup_ids");
        node.putNull("next_backup_window");
        node.putArray("snapshot_ids");
        node.set("image", image());
        node.putArray("volume_ids");
        node.set("size", StandInSizes.json(size));
        node.put("size_slug", sizeSlug);
        node.set("networks", networks());
        ObjectNode regionNode = node.putObject("region");
        regionNode.put("name", "Frankfurt 1").put("slug", region).put("available", true);
        regionNode.putArray("features").add("metadata");
        regionNode.putArray("sizes").add(sizeSlug);
        ArrayNode tagNodes = node.putArray("tags");
        tags.forEach(tagNodes::add);
        node.put("vpc_uuid", "760e09ef-dc84-11e8-981e-3cfdfeaae000");
        return node;
    }

    private ObjectNode networks() {
        ObjectNode networks = JSON.createObjectNode();
        ArrayNode v4 = networks.putArray("v4");
        if (!status.equals("new")) {
            v4.addObject().put("ip_address", "10.135.0." + (id % 200)).put("netmask", "255.255.0.0")
                    .put("gateway", "10.135.0.1").put("type", "private");
            v4.addObject().put("ip_address", publicAddress()).put("netmask", "255.255.255.0")
                    .put("gateway", "203.0.113.1").put("type", "public");
        }
        networks.putArray("v6");
        return networks;
    }

    private static ObjectNode image() {
        ObjectNode image = JSON.createObjectNode();
        image.put("id", 106569146).put("name", "13 x64").put("distribution", "Debian").put("slug", "debian-13-x64")
                .put("public", true).put("created_at", "2025-08-12T00:00:00Z").put("min_disk_size", 15)
                .put("type", "base").put("size_gigabytes", 2.36).put("description", "Debian 13 x64")
                .put("status", "available");
        image.putArray("regions").add("fra1");
        image.putArray("tags");
        return image;
    }
}
