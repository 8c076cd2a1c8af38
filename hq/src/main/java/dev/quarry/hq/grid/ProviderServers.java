package dev.quarry.hq.grid;

import static java.util.Objects.requireNonNull;

import dev.quarry.pacific.provider.CloudFailure;
import dev.quarry.pacific.provider.CloudProvider;
import dev.quarry.pacific.provider.Server;
import dev.quarry.pacific.provider.ServerSize;
import java.io.IOException;
import java.util.List;
import java.util.TreeSet;

/**
 * The grid's servers from a pacific provider: {@code add} makes one (a local server with its own agent
 * process, or a droplet) and answers once its agent answers; {@code remove} destroys it. A server made
 * earlier keeps running while HQ restarts; starting it "again" asks the provider to resume it, which starts
 * it only when it is off (a local server's agent that ended with a reboot, a droplet powered off).
 */
public final class ProviderServers implements ServerStarter, ServerRemover, AutoCloseable {
    private final CloudProvider provider;
    private final java.nio.file.Path knownHosts;
    private final HostKeyBook hostKeys;

    /** @param knownHosts HQ's agent_known_hosts, where the host key of a new server's agent goes when known */
    public ProviderServers(CloudProvider provider, java.nio.file.Path knownHosts) {
        this(provider, knownHosts, HostKeyBook.NONE);
    }

    /** @param hostKeys where a new agent's host key is shared with the grid's other HQs */
    public ProviderServers(CloudProvider provider, java.nio.file.Path knownHosts, HostKeyBook hostKeys) {
        this.provider = requireNonNull(provider, "provider is null");
        this.knownHosts = requireNonNull(knownHosts, "knownHosts is null");
        this.hostKeys = requireNonNull(hostKeys, "hostKeys is null");
    }

    public ServerSupply supply() {
        return new ServerSupply(provider.name(), this, this);
    }

    @Override
    public ServerSettings start(ServerRequest request) throws IOException {
        if (request.again().isPresent()) {
            ServerSettings server = request.again().get();
            if (server.provider().equals(provider.name())) {
                try {
                    provider.resume(server.providerId());
                } catch (CloudFailure e) {
                    org.slf4j.LoggerFactory.getLogger(ProviderServers.class).warn("server {}: {}", server.id(),
                            e.getMessage());
                }
            }
            return server;
        }
        try {
            Server server = provider.add(new dev.quarry.pacific.provider.ServerRequest(
                    ServerSize.of(request.capacity().memoryMebibytes(), request.capacity().cpuMillicores()),
                    request.tags()));
            if (!server.agentHostKey().isEmpty()) {
                rememberOrGiveBack(server);
            }
            return new ServerSettings(request.id(), server.address(), server.agentPort(),
                    server.size().memoryMebibytes(), server.size().cpuMillicores(),
                    List.copyOf(new TreeSet<>(server.tags())), "", provider.name(), server.id(), server.hourlyPrice());
        } catch (CloudFailure e) {
            throw new IOException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IOException("pacific: cannot ask " + provider.name() + " for " + request.capacity() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Puts the new agent's host key in known_hosts; a server whose key cannot be recorded is removed again. */
    private void rememberOrGiveBack(Server server) throws IOException {
        try {
            KnownHostLines.remember(knownHosts, server.address(), server.agentPort(), server.agentHostKey());
            hostKeys.record(server.address(), server.agentPort(), server.agentHostKey());
        } catch (IOException | RuntimeException e) {
            String removed;
            try {
                provider.remove(server.id());
                removed = "removed it again";
            } catch (CloudFailure failure) {
                removed = "removing it failed too (" + failure.getMessage() + "): remove " + server.name() + " by hand";
            }
            throw new IOException("cannot record the host key of " + server.name() + " in " + knownHosts + " ("
                    + e.getMessage() + "); " + removed, e);
        }
    }

    /** Closes the provider's connections (DigitalOcean's HTTP client); the servers keep running. */
    @Override
    public void close() {
        if (provider instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(ProviderServers.class).warn("closing {}: {}", provider.name(),
                        e.getMessage());
            }
        }
    }

    @Override
    public void remove(ServerSettings server) throws IOException {
        if (!server.provider().equals(provider.name())) {
            throw new IOException("server " + server.id() + " was not made by " + provider.name() + " but by "
                    + (server.isFromProvider() ? server.provider() : "HQ or by hand") + "; remove it there");
        }
        try {
            provider.remove(server.providerId());
        } catch (CloudFailure e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
