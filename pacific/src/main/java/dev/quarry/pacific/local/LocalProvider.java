package dev.quarry.pacific.local;

import static java.util.Objects.requireNonNull;

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
import dev.quarry.pacific.waiting.Poller;
import dev.quarry.pacific.waiting.Sleeper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Servers on this machine: each has its own loopback address, agent process, folder under {@code servers/} and port
 * range, recorded in {@code servers/<id>/local.json} so a restarted HQ finds them. They cost nothing.
 */
public final class LocalProvider implements CloudProvider {
    public static final String NAME = "local";

    private final LocalLedger ledger;
    private final LocalStart start;
    private final LocalSettings settings;
    private final LocalAllocator allocator;
    private final ProviderListeners listeners = new ProviderListeners();
    private final Object allocating = new Object();

    public LocalProvider(Path home, HqPublicKey hqKey, LocalSettings settings, AgentLauncher launcher,
            AgentProbe probe, Poller poller) {
        this(home, LocalRecords.inFolder(home.toAbsolutePath().normalize().resolve("servers")), hqKey, settings,
                launcher, probe, poller);
    }

    /** The servers' records in {@code records} (a store HQs share), their folders under {@code home}. */
    public LocalProvider(Path home, LocalRecords records, HqPublicKey hqKey, LocalSettings settings,
            AgentLauncher launcher, AgentProbe probe, Poller poller) {
        this.settings = requireNonNull(settings, "settings is null");
        this.ledger = new LocalLedger(home, records);
        this.start = new LocalStart(ledger, hqKey, settings, launcher, probe, poller);
        this.allocator = new LocalAllocator(settings, LoopbackPorts::canListen);
    }

    /** Production: agents run as {@code java -cp <this JVM's class path> dev.quarry.agent.AgentMain agent ...}. */
    public static LocalProvider atHome(Path home, HqPublicKey hqKey) {
        return atHome(home, hqKey, List.of());
    }

    /** The same, each agent started with {@code agentOptions} too (HQ with etcd: {@code --etcd URL}). */
    public static LocalProvider atHome(Path home, HqPublicKey hqKey, List<String> agentOptions) {
        return atHome(home, LocalRecords.inFolder(home.toAbsolutePath().normalize().resolve("servers")), hqKey,
                agentOptions);
    }

    /** The same, the servers' records in {@code records}: several HQs sharing one store know every server. */
    public static LocalProvider atHome(Path home, LocalRecords records, HqPublicKey hqKey, List<String> agentOptions) {
        return new LocalProvider(home, records, hqKey, LocalSettings.DEFAULT, JavaAgentLauncher.forThisJvm(agentOptions),
                new TcpAgentProbe(Duration.ofSeconds(1)), new Poller(Clock.systemUTC(), Sleeper.REAL));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Server add(ServerRequest request) throws CloudFailure {
        requireNonNull(request, "request is null");
        LocalServer reserved = reserve(request);
        Server server = start.start(reserved);
        listeners.tell(new ProviderEvent.Added(server));
        return server;
    }

    @Override
    public void remove(String id) throws CloudFailure {
        Optional<LocalServer> found = ledger.find(checkedId(id));
        if (found.isEmpty()) {
            return;
        }
        LocalServer server = found.get();
        Server before = server.server();
        if (server.agent().isPresent()) {
            start.stop(server.id(), server.agent().get());
        }
        ledger.forget(server.id());
        listeners.tell(new ProviderEvent.Removed(before));
    }

    /** Claims the next free id and address; another HQ sharing the records may claim the same, then it tries again. */
    private LocalServer reserve(ServerRequest request) throws CloudFailure {
        synchronized (allocating) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                List<LocalAllocation> taken = ledger.all().stream().map(LocalServer::allocation).toList();
                LocalServer reserved = new LocalServer(allocator.next(taken), request.size(), request.tags(),
                        Optional.empty());
                if (ledger.claim(reserved)) {
                    return reserved;
                }
            }
        }
        throw new CloudFailure("five local server ids in a row were taken by another HQ meanwhile; add the server"
                + " again");
    }

    /** Starts the agent again, on the server's own address, ports and home, when its process ended. */
    @Override
    public Server resume(String id) throws CloudFailure {
        LocalServer server = ledger.find(checkedId(id)).orElseThrow(() -> new CloudFailure("there is no local server "
                + id + " to start again; `quarry servers` lists the grid's servers"));
        if (server.server().state() == dev.quarry.pacific.provider.ServerState.ACTIVE) {
            return server.server();
        }
        return start.resume(server);
    }

    @Override
    public Server resize(String id, ServerSize size) throws CloudFailure {
        requireNonNull(size, "size is null");
        LocalServer before;
        LocalServer after;
        synchronized (allocating) {
            before = ledger.find(checkedId(id)).orElseThrow(() -> new CloudFailure("there is no local server " + id
                    + " to resize; `quarry servers` lists the grid's servers"));
            after = before.withSize(size);
            ledger.write(after);
        }
        if (!before.equals(after)) {
            listeners.tell(new ProviderEvent.Resized(before.server(), after.server()));
        }
        return after.server();
    }

    @Override
    public List<Server> list() throws CloudFailure {
        return ledger.all().stream().map(LocalServer::server).toList();
    }

    @Override
    public void addListener(ProviderListener listener) {
        listeners.add(listener);
    }

    /** The ports local servers are given, for HQ's own checks. */
    public LocalSettings settings() {
        return settings;
    }

    private static String checkedId(String id) throws CloudFailure {
        if (id == null || !LocalAllocation.ID.matcher(id).matches()) {
            throw new CloudFailure("\"" + id + "\" is not a local server id (local-1, local-2, ...); "
                    + "`quarry servers` lists the ids");
        }
        return id;
    }
}
