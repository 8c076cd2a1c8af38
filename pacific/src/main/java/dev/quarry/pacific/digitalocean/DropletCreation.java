package dev.quarry.pacific.digitalocean;

import static java.util.Objects.requireNonNull;

import com.myjeeva.digitalocean.pojo.Droplet;
import com.myjeeva.digitalocean.pojo.Image;
import com.myjeeva.digitalocean.pojo.Region;
import dev.quarry.pacific.agent.AgentHostKey;
import dev.quarry.pacific.agent.HqPublicKey;
import dev.quarry.pacific.provider.CloudFailure;
import dev.quarry.pacific.provider.Server;
import dev.quarry.pacific.provider.ServerRequest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one droplet: the smallest size that fits, cloud-init user data, the grid's tags; then waits until it is
 * active and its agent answers. A droplet that does not get there (a timeout, an error, an interrupt) is destroyed
 * before the failure is reported, so none is left behind to be paid for.
 */
final class DropletCreation {
    private static final Logger LOG = LoggerFactory.getLogger(DropletCreation.class);

    private final DigitalOceanSettings settings;
    private final HqPublicKey hqKey;
    private final DropletApi api;
    private final DropletWaits waits;
    private final DropletNames names;

    DropletCreation(DigitalOceanSettings settings, HqPublicKey hqKey, DropletApi api, DropletWaits waits,
            DropletNames names) {
        this.settings = requireNonNull(settings, "settings is null");
        this.hqKey = requireNonNull(hqKey, "hqKey is null");
        this.api = requireNonNull(api, "api is null");
        this.waits = requireNonNull(waits, "waits is null");
        this.names = requireNonNull(names, "names is null");
    }

    Server create(ServerRequest request) throws CloudFailure {
        String name = names.next();
        AgentHostKey hostKey = AgentHostKey.generate();
        SizeCatalog catalog;
        int id;
        try {
            catalog = api.sizes();
            SizeOffer offer = catalog.smallestFitting(request.size(), settings.region());
            LOG.info("pacific: creating droplet {} ({} in {}, image {}) for {}", name, offer.describe(),
                    settings.region(), settings.image(), request.size());
            id = api.create(wanted(name, offer, request, hostKey));
        } catch (InterruptedException e) {
            throw interruptedBeforeId(name);
        }
        try {
            Droplet active = waits.active(id, name, settings.activeTimeout());
            String address = DropletServers.publicAddress(active).orElseThrow();
            LOG.info("pacific: droplet {} (id {}) is active at {}; waiting for its agent", name, id, address);
            waits.agent(id, name, address, settings.agentTimeout());
            return DropletServers.server(active, catalog).withAgentHostKey(hostKey.publicKeyLine());
        } catch (CloudFailure e) {
            throw destroyAfter(id, name, e.reason());
        } catch (InterruptedException e) {
            CloudFailure failure = destroyAfter(id, name, "interrupted while waiting for droplet " + name + " (id "
                    + id + ") to become ready");
            Thread.currentThread().interrupt();
            throw failure;
        } catch (RuntimeException e) {
            throw destroyAfter(id, name, "droplet " + name + " (id " + id + ") could not be readied ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private Droplet wanted(String name, SizeOffer offer, ServerRequest request, AgentHostKey hostKey) {
        Droplet droplet = new Droplet();
        droplet.setName(name);
        droplet.setSize(offer.slug());
        droplet.setRegion(new Region(settings.region()));
        droplet.setImage(new Image(settings.image()));
        droplet.setTags(DropletTags.of(settings.grid(), request.tags()));
        droplet.setUserData(CloudInitUserData.render(settings, hqKey, hostKey.privateKeyPem()));
        droplet.setEnableIpv6(false);
        droplet.setEnableBackup(false);
        return droplet;
    }

    /** Destroys a droplet that did not become ready; the failure says why, and whether it is gone. */
    private CloudFailure destroyAfter(int id, String name, String reason) {
        try {
            Optional<Droplet> found = api.find(id);
            if (found.isPresent() && !name.equals(found.get().getName())) {
                return new CloudFailure(reason + "; so pacific destroyed nothing: destroy droplet " + name
                        + " in DigitalOcean's control panel if it exists");
            }
            api.delete(id);
            LOG.warn("pacific: destroyed droplet {} (id {}): {}", name, id, reason);
            return new CloudFailure(reason + "; destroyed it, so nothing is left behind");
        } catch (CloudFailure e) {
            return new CloudFailure(reason + "; destroying it failed too (" + e.reason() + "): destroy droplet "
                    + name + " (id " + id + ") in DigitalOcean's control panel");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CloudFailure(reason + "; destroying it was interrupted: destroy droplet " + name + " (id "
                    + id + ") in DigitalOcean's control panel");
        }
    }

    /** Interrupted before the droplet's id was known: destroys it if DigitalOcean made it after all. */
    private CloudFailure interruptedBeforeId(String name) {
        String reason = "interrupted while asking DigitalOcean for droplet " + name;
        try {
            for (Droplet droplet : api.tagged(DropletTags.QUARRY)) {
                if (name.equals(droplet.getName())) {
                    return destroyAfter(droplet.getId(), name, reason);
                }
            }
            return new CloudFailure(reason + "; it was not made");
        } catch (CloudFailure e) {
            return new CloudFailure(reason + "; could not check whether it was made (" + e.reason() + "): look for "
                    + name + " in DigitalOcean's control panel");
        } catch (InterruptedException e) {
            return new CloudFailure(reason + "; look for " + name + " in DigitalOcean's control panel");
        } finally {
            Thread.currentThread().interrupt();
        }
    }
}
