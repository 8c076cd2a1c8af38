package dev.quarry.pacific.digitalocean;

import static java.util.Objects.requireNonNull;

import com.myjeeva.digitalocean.impl.DigitalOceanClient;
import com.myjeeva.digitalocean.pojo.Droplet;
import dev.quarry.pacific.agent.AgentProbe;
import dev.quarry.pacific.agent.HqPublicKey;
import dev.quarry.pacific.agent.TcpAgentProbe;
import dev.quarry.pacific.provider.CloudFailure;
import dev.quarry.pacific.provider.CloudProvider;
import dev.quarry.pacific.provider.ProviderEvent;
import dev.quarry.pacific.provider.ProviderListener;
import dev.quarry.pacific.provider.ProviderListeners;
import dev.quarry.pacific.provider.Server;
import dev.quarry.pacific.provider.ServerRequest;
import dev.quarry.pacific.provider.ServerSize;
import dev.quarry.pacific.secret.Secret;
import dev.quarry.pacific.secret.TokenFile;
import dev.quarry.pacific.waiting.Backoff;
import dev.quarry.pacific.waiting.Poller;
import dev.quarry.pacific.waiting.Sleeper;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.apache.http.impl.client.CloseableHttpClient;

/**
 * Servers as DigitalOcean droplets, through the myjeeva DigitalOcean API client. It only ever touches droplets
 * tagged {@code quarry} and the grid's name. Close it to release its HTTP connections.
 */
public final class DigitalOceanProvider implements CloudProvider, AutoCloseable {
    public static final String NAME = "digitalocean";

    private final DigitalOceanSettings settings;
    private final CloseableHttpClient http;
    private final DropletApi api;
    private final DropletCreation creation;
    private final DropletResize resizing;
    private final ProviderListeners listeners = new ProviderListeners();

    /**
     * @param http makes the HTTP client ({@link DigitalOceanHttp#PRODUCTION}, or a test's that stays on loopback)
     * @param probe tells whether a droplet's agent answers ({@link TcpAgentProbe})
     * @param poller the clock and sleeper all waiting and retrying goes through
     * @param random picks the random part of droplet names
     */
    public DigitalOceanProvider(DigitalOceanSettings settings, Secret token, HqPublicKey hqKey,
            DigitalOceanHttp.ClientMaker http, AgentProbe probe, Poller poller, RandomGenerator random) {
        this.settings = requireNonNull(settings, "settings is null");
        ResponseWatch watch = new ResponseWatch();
        this.http = requireNonNull(http, "http is null").make(watch);
        DigitalOceanClient client = new DigitalOceanClient("v2", requireNonNull(token, "token is null").reveal(),
                this.http);
        this.api = new DropletApi(client, new ApiRetry(watch, Backoff.DEFAULT, poller, token));
        DropletWaits waits = new DropletWaits(api, probe, poller, settings.pollInterval());
        this.creation = new DropletCreation(settings, hqKey, api, waits, new DropletNames(settings.grid(), random));
        this.resizing = new DropletResize(settings, api, waits);
    }

    /** Production: settings and token from {@code etc/cloud} under the Quarry home, the real network and clock. */
    public static DigitalOceanProvider fromHome(Path home, HqPublicKey hqKey) throws CloudFailure {
        DigitalOceanSettings settings = DigitalOceanSettingsFile.read(DigitalOceanSettingsFile.settingsFile(home));
        Secret token = TokenFile.read(DigitalOceanSettingsFile.tokenFile(home));
        return new DigitalOceanProvider(settings, token, hqKey, DigitalOceanHttp.PRODUCTION, new TcpAgentProbe(),
                new Poller(Clock.systemUTC(), Sleeper.REAL), new SecureRandom());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Server add(ServerRequest request) throws CloudFailure {
        Server server = creation.create(requireNonNull(request, "request is null"));
        listeners.tell(new ProviderEvent.Added(server));
        return server;
    }

    @Override
    public void remove(String id) throws CloudFailure {
        int dropletId = DropletIds.parse(id);
        try {
            Optional<Droplet> droplet = ownDroplet(dropletId);
            if (droplet.isEmpty()) {
                return;
            }
            Server server = DropletServers.server(droplet.get(), api.sizes());
            if (api.delete(dropletId)) {
                listeners.tell(new ProviderEvent.Removed(server));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudFailure("interrupted while destroying droplet " + id + "; remove it again");
        }
    }

    @Override
    public Server resume(String id) throws CloudFailure {
        int dropletId = DropletIds.parse(id);
        try {
            Droplet droplet = ownDroplet(dropletId).orElseThrow(() -> new CloudFailure("droplet " + id
                    + " is gone, so it cannot be started again; `quarry servers` lists the grid's servers"));
            return resizing.resume(droplet);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudFailure("interrupted while starting droplet " + id + " again; power it on in"
                    + " DigitalOcean's control panel if it stays off");
        }
    }

    @Override
    public Server resize(String id, ServerSize size) throws CloudFailure {
        int dropletId = DropletIds.parse(id);
        requireNonNull(size, "size is null");
        try {
            Droplet droplet = ownDroplet(dropletId).orElseThrow(() -> new CloudFailure("droplet " + id
                    + " is gone, so it cannot be resized; `quarry servers` lists the grid's servers"));
            DropletResize.Change change = resizing.resize(droplet, size);
            if (change.changed()) {
                listeners.tell(new ProviderEvent.Resized(change.before(), change.after()));
            }
            return change.after();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudFailure("interrupted while resizing droplet " + id + "; it may be powered off: "
                    + "resize it again, or power it on in DigitalOcean's control panel");
        }
    }

    @Override
    public List<Server> list() throws CloudFailure {
        try {
            List<Droplet> droplets = api.tagged(DropletTags.QUARRY).stream()
                    .filter(droplet -> DropletTags.belongsTo(droplet.getTags(), settings.grid()))
                    .toList();
            SizeCatalog catalog = droplets.isEmpty() ? new SizeCatalog(List.of()) : api.sizes();
            return droplets.stream().map(droplet -> DropletServers.server(droplet, catalog)).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudFailure("interrupted while listing the droplets of grid " + settings.grid());
        }
    }

    @Override
    public void addListener(ProviderListener listener) {
        listeners.add(listener);
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    private Optional<Droplet> ownDroplet(int id) throws CloudFailure, InterruptedException {
        return DropletTags.requireOwn(api.find(id), settings.grid());
    }
}
