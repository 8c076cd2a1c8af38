package dev.quarry.pacific.digitalocean;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A droplet action (power_off, resize, power_on) that completes after a few looks, and then takes effect. */
final class StandInAction {
    final int id;
    final String type;
    private final StandInDroplet droplet;
    private final String size;
    private String status = "in-progress";
    private int looks;

    StandInAction(int id, String type, StandInDroplet droplet, String size) {
        this.id = id;
        this.type = type;
        this.droplet = droplet;
        this.size = size;
    }

    void look(int looksUntilDone) {
        if (status.equals("in-progress") && ++looks >= looksUntilDone) {
            status = "completed";
            switch (type) {
                case "power_off" -> droplet.status = "off";
                case "power_on" -> droplet.status = "active";
                case "resize" -> droplet.sizeSlug = size;
                default -> { }
            }
        }
    }

    /** The documented shape of an action. */
    String json() {
        ObjectNode node = DigitalOceanStandIn.object();
        node.put("id", id);
        node.put("status", status);
        node.put("type", type);
        node.put("started_at", "2026-01-01T00:00:00Z");
        if (status.equals("completed")) {
            node.put("completed_at", "2026-01-01T00:01:00Z");
        } else {
            node.putNull("completed_at");
        }
        node.put("resource_id", droplet.id);
        node.put("resource_type", "droplet");
        ObjectNode region = node.putObject("region");
        region.put("name", "Frankfurt 1").put("slug", droplet.region).put("available", true);
        region.putArray("features");
        region.putArray("sizes");
        node.put("region_slug", droplet.region);
        return node.toString();
    }
}
