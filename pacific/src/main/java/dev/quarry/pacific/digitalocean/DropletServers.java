package dev.quarry.pacific.digitalocean;

import com.myjeeva.digitalocean.common.DropletStatus;
import com.myjeeva.digitalocean.pojo.Droplet;
import com.myjeeva.digitalocean.pojo.Network;
import dev.quarry.pacific.provider.Server;
import dev.quarry.pacific.provider.ServerSize;
import dev.quarry.pacific.provider.ServerState;
import java.util.List;
import java.util.Optional;

/** Turns the API client's droplets into pacific's servers. */
final class DropletServers {
    private DropletServers() {}

    static Server server(Droplet droplet, SizeCatalog catalog) {
        String slug = droplet.getSize() == null ? "" : droplet.getSize();
        return new Server(String.valueOf(droplet.getId()), droplet.getName(), publicAddress(droplet).orElse(""),
                CloudInitUserData.AGENT_PORT, size(droplet, slug, catalog), DropletTags.serverTags(droplet.getTags()),
                catalog.hourlyPrice(slug), state(droplet.getStatus()));
    }

    /** The droplet's public IPv4 address, once it has one. */
    static Optional<String> publicAddress(Droplet droplet) {
        if (droplet.getNetworks() == null || droplet.getNetworks().getVersion4Networks() == null) {
            return Optional.empty();
        }
        List<Network> networks = droplet.getNetworks().getVersion4Networks();
        return networks.stream()
                .filter(network -> "public".equals(network.getType()))
                .map(Network::getIpAddress)
                .filter(address -> address != null && !address.isBlank())
                .findFirst();
    }

    private static ServerSize size(Droplet droplet, String slug, SizeCatalog catalog) {
        Integer memory = droplet.getMemorySizeInMb();
        Integer vcpus = droplet.getVirutalCpuCount();
        if (memory != null && vcpus != null && memory > 0 && vcpus > 0) {
            return new ServerSize(memory, vcpus * 1000);
        }
        return catalog.find(slug).map(SizeOffer::size).orElse(new ServerSize(1, 1));
    }

    static ServerState state(DropletStatus status) {
        if (status == null) {
            return ServerState.STARTING;
        }
        return switch (status) {
            case NEW -> ServerState.STARTING;
            case ACTIVE -> ServerState.ACTIVE;
            case OFF, ARCHIVE -> ServerState.OFF;
        };
    }
}
