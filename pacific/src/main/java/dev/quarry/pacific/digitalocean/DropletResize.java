package dev.quarry.pacific.digitalocean;

import static java.util.Objects.requireNonNull;

import com.myjeeva.digitalocean.common.DropletStatus;
import com.myjeeva.digitalocean.pojo.Droplet;
import dev.quarry.pacific.provider.CloudFailure;
import dev.quarry.pacific.provider.Server;
import dev.quarry.pacific.provider.ServerSize;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resizes a droplet the way DigitalOcean allows: power off, resize (cpu and memory only, so it can shrink back
 * later), power on (also how a droplet that is off is resumed); each action waited for, then the droplet until it is active and its agent answers. When the
 * resize fails after the droplet was powered off, it is powered on again before the failure is reported.
 */
final class DropletResize {
    private static final Logger LOG = LoggerFactory.getLogger(DropletResize.class);

    private final DigitalOceanSettings settings;
    private final DropletApi api;
    private final DropletWaits waits;

    DropletResize(DigitalOceanSettings settings, DropletApi api, DropletWaits waits) {
        this.settings = requireNonNull(settings, "settings is null");
        this.api = requireNonNull(api, "api is null");
        this.waits = requireNonNull(waits, "waits is null");
    }

    /** The server before and after; the same twice when its size already was the smallest that fits. */
    record Change(Server before, Server after) {
        boolean changed() {
            return !before.equals(after);
        }
    }

    Change resize(Droplet droplet, ServerSize size) throws CloudFailure, InterruptedException {
        int id = droplet.getId();
        SizeCatalog catalog = api.sizes();
        String region = droplet.getRegion() != null && droplet.getRegion().getSlug() != null
                ? droplet.getRegion().getSlug() : settings.region();
        SizeOffer offer = catalog.smallestFitting(size, region);
        Server before = DropletServers.server(droplet, catalog);
        if (offer.slug().equals(droplet.getSize())) {
            return new Change(before, before);
        }
        LOG.info("pacific: resizing droplet {} (id {}) from {} to {}", droplet.getName(), id, droplet.getSize(),
                offer.describe());
        if (droplet.getStatus() != DropletStatus.OFF) {
            waits.completed(api.powerOff(id), "power off droplet " + id, settings.activeTimeout());
        }
        try {
            waits.completed(api.resize(id, offer.slug()), "resize droplet " + id + " to " + offer.slug(),
                    settings.activeTimeout());
        } catch (CloudFailure e) {
            throw poweredBackOn(id, e);
        }
        return new Change(before, powerOn(droplet, catalog));
    }

    /** A droplet that is off powered on; a droplet that runs answered as it is. */
    Server resume(Droplet droplet) throws CloudFailure, InterruptedException {
        SizeCatalog catalog = api.sizes();
        if (droplet.getStatus() != DropletStatus.OFF) {
            return DropletServers.server(droplet, catalog);
        }
        LOG.info("pacific: droplet {} (id {}) is off; powering it on", droplet.getName(), droplet.getId());
        return powerOn(droplet, catalog);
    }

    /** Powers the droplet on and waits until it is active and its agent answers. */
    private Server powerOn(Droplet droplet, SizeCatalog catalog) throws CloudFailure, InterruptedException {
        int id = droplet.getId();
        waits.completed(api.powerOn(id), "power on droplet " + id, settings.activeTimeout());
        Droplet active = waits.active(id, droplet.getName(), settings.activeTimeout());
        String address = DropletServers.publicAddress(active).orElseThrow();
        waits.agent(id, droplet.getName(), address, settings.agentTimeout());
        return DropletServers.server(active, catalog);
    }

    private CloudFailure poweredBackOn(int id, CloudFailure failure) throws InterruptedException {
        try {
            waits.completed(api.powerOn(id), "power on droplet " + id, settings.activeTimeout());
            return new CloudFailure(failure.reason() + "; powered droplet " + id + " back on at its old size");
        } catch (CloudFailure e) {
            return new CloudFailure(failure.reason() + "; powering it back on failed too (" + e.reason()
                    + "): power on droplet " + id + " in DigitalOcean's control panel");
        }
    }
}
