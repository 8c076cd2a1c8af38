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
 * earlier keeps running while HQ restarts, so starting it "again" asks the provider for nothing, except
 * that a local server whose agent ended (after a reboot) has its agent started again.
 */
public final class ProviderServers implements ServerStarter, ServerRemover, AutoCloseable {
    private final CloudProvider provider;

    public ProviderServers(CloudProvider provider) {
        this.provider = requireNonNull(provider, "provider is null");
    }

    public ServerSupply supply() {
        return new ServerSupply(provider.name(), this, this);
    }

    @Override
    public ServerSettings start(ServerRequest request) throws IOException {
        if (request.again().isPresent()) {
            ServerSettings server = request.again().get();
            if (provider instanceof dev.quarry.pacific.local.LocalProvider local && server.provider().equals(
                    provider.name())) {
                try {
                    local.resume(server.providerId());
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
