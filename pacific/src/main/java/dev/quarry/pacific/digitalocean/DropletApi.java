package dev.quarry.pacific.digitalocean;

import static java.util.Objects.requireNonNull;

import com.myjeeva.digitalocean.DigitalOcean;
import com.myjeeva.digitalocean.exception.DigitalOceanException;
import com.myjeeva.digitalocean.pojo.Action;
import com.myjeeva.digitalocean.pojo.Base;
import com.myjeeva.digitalocean.pojo.Droplet;
import com.myjeeva.digitalocean.pojo.Droplets;
import com.myjeeva.digitalocean.pojo.Size;
import com.myjeeva.digitalocean.pojo.Sizes;
import dev.quarry.pacific.provider.CloudFailure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The few DigitalOcean v2 calls the provider makes, each through {@link ApiRetry}: sizes, droplets (create, get,
 * list by tag, delete), droplet actions (power_off, resize, power_on) and action get.
 */
final class DropletApi {
    private static final int NOT_FOUND = 404;
    private static final int MOST_PAGES = 50;
    private static final int PER_PAGE = 100;

    private final DigitalOcean client;
    private final ApiRetry retry;

    DropletApi(DigitalOcean client, ApiRetry retry) {
        this.client = requireNonNull(client, "client is null");
        this.retry = requireNonNull(retry, "retry is null");
    }

    SizeCatalog sizes() throws CloudFailure, InterruptedException {
        List<SizeOffer> offers = new ArrayList<>();
        for (int page = 1; page <= MOST_PAGES; page++) {
            int number = page;
            Sizes sizes = retry.call("list droplet sizes", () -> client.getAvailableSizes(number));
            List<Size> found = sizes.getSizes() == null ? List.of() : sizes.getSizes();
            found.stream().filter(size -> size.getSlug() != null).map(DropletApi::offer).forEach(offers::add);
            if (found.isEmpty() || !hasNextPage(sizes)) {
                break;
            }
        }
        return new SizeCatalog(offers);
    }

    /** Creates a droplet; when the answer is lost, looks for it by its unique name before creating it again. */
    int create(Droplet wanted) throws CloudFailure, InterruptedException {
        String name = wanted.getName();
        Droplet made = retry.call("create droplet " + name, () -> client.createDroplet(wanted),
                () -> tagged(DropletTags.QUARRY).stream().filter(droplet -> name.equals(droplet.getName())).findFirst(),
                "; it may exist all the same: destroy droplet " + name + " in DigitalOcean's control panel if it does");
        if (made.getId() == null) {
            throw new CloudFailure("DigitalOcean's answer to creating droplet " + name + " has no id; look for "
                    + name + " in DigitalOcean's control panel and destroy it");
        }
        return made.getId();
    }

    Optional<Droplet> find(int id) throws CloudFailure, InterruptedException {
        return retry.call("look up droplet " + id, () -> {
            try {
                Droplet droplet = client.getDropletInfo(id);
                return droplet == null ? null : Optional.of(droplet);
            } catch (DigitalOceanException e) {
                if (e.getHttpStatusCode() == NOT_FOUND) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    List<Droplet> tagged(String tag) throws CloudFailure, InterruptedException {
        List<Droplet> droplets = new ArrayList<>();
        HashSet<Integer> seen = new HashSet<>();
        for (int page = 1; page <= MOST_PAGES; page++) {
            int number = page;
            Droplets found = retry.call("list droplets tagged " + tag,
                    () -> client.getAvailableDropletsByTagName(tag, number, PER_PAGE));
            List<Droplet> onPage = found.getDroplets() == null ? List.of() : found.getDroplets();
            onPage.stream().filter(droplet -> seen.add(droplet.getId())).forEach(droplets::add);
            if (onPage.isEmpty() || !hasNextPage(found)) {
                break;
            }
        }
        return droplets;
    }

    /** Destroys a droplet; false when it was already gone. */
    boolean delete(int id) throws CloudFailure, InterruptedException {
        return retry.call("destroy droplet " + id, () -> {
            try {
                return client.deleteDroplet(id) != null;
            } catch (DigitalOceanException e) {
                if (e.getHttpStatusCode() == NOT_FOUND) {
                    return false;
                }
                throw e;
            }
        });
    }

    Action powerOff(int id) throws CloudFailure, InterruptedException {
        return retry.call("power off droplet " + id, () -> client.powerOffDroplet(id));
    }

    Action resize(int id, String slug) throws CloudFailure, InterruptedException {
        return retry.call("resize droplet " + id + " to " + slug, () -> client.resizeDroplet(id, slug));
    }

    Action powerOn(int id) throws CloudFailure, InterruptedException {
        return retry.call("power on droplet " + id, () -> client.powerOnDroplet(id));
    }

    Action action(int actionId) throws CloudFailure, InterruptedException {
        return retry.call("look up action " + actionId, () -> client.getActionInfo(actionId));
    }

    private static boolean hasNextPage(Base page) {
        return page.getLinks() != null && page.getLinks().getPages() != null
                && page.getLinks().getPages().getNext() != null;
    }

    private static SizeOffer offer(Size size) {
        return new SizeOffer(size.getSlug(), orZero(size.getMemorySizeInMb()), orZero(size.getVirutalCpuCount()),
                size.getPriceHourly() == null ? BigDecimal.ZERO : size.getPriceHourly(),
                new HashSet<>(size.getRegions() == null ? List.of() : size.getRegions()), size.isAvailable());
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
