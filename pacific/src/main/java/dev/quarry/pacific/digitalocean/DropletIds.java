package dev.quarry.pacific.digitalocean;

import dev.quarry.pacific.provider.CloudFailure;

/** Server ids of droplets are their DigitalOcean ids, whole numbers. */
final class DropletIds {
    private DropletIds() {}

    static int parse(String id) throws CloudFailure {
        if (id == null || !id.matches("[1-9][0-9]{0,9}")) {
            throw new CloudFailure("\"" + id + "\" is not a DigitalOcean droplet id (a number such as 3164494); "
                    + "`quarry servers` lists the ids");
        }
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw new CloudFailure("droplet id " + id + " is larger than the DigitalOcean API client can handle");
        }
    }
}
