package dev.quarry.hq.grid;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.quarry.compiler.read.Names;
import dev.quarry.slicegrid.model.Block;
import dev.quarry.slicegrid.model.BlockState;
import dev.quarry.slicegrid.model.Resources;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * One server of the grid, as HQ keeps it in {@code servers/<id>/settings.json}.
 *
 * @param id the server's name, such as {@code s1}
 * @param host the address its agent listens on and its containers listen on, such as 127.0.5.2
 * @param agentPort the port of its agent's SSH endpoint
 * @param memoryMebibytes the memory its containers may reserve, in MiB
 * @param cpuMillicores the cpu its containers may reserve, in thousandths of a core
 * @param tags labels such as {@code ssd}; nodes requiring tags only go to servers carrying them all
 * @param localHome the agent's home folder when HQ starts the agent itself on this machine, else empty
 * @param provider the pacific provider that made it ({@code local}, {@code digitalocean}); empty for a server
 *     HQ runs in its own process or one added by hand
 * @param providerId the provider's id for it ({@code local-2}, a droplet's number), what removing it takes
 * @param hourlyPrice what it costs an hour in US dollars, as the provider says (0 for local servers)
 */
public record ServerSettings(String id, String host, int agentPort, int memoryMebibytes, int cpuMillicores,
        List<String> tags, String localHome, String provider, String providerId, BigDecimal hourlyPrice) {

    public ServerSettings {
        if (!Names.isName(id)) {
            throw new IllegalArgumentException("a server id must be " + Names.NAME_RULE + ", got \"" + id + "\"");
        }
        requireNonNull(host, "host is null");
        if (agentPort < 1 || agentPort > 65535) {
            throw new IllegalArgumentException("server " + id + ": the agent port must be from 1 to 65535, got "
                    + agentPort);
        }
        if (memoryMebibytes < 1 || cpuMillicores < 1) {
            throw new IllegalArgumentException("server " + id + " needs some memory and cpu, got "
                    + memoryMebibytes + " MiB and " + cpuMillicores + "m");
        }
        tags = tags == null ? List.of() : List.copyOf(tags);
        localHome = localHome == null ? "" : localHome;
        provider = provider == null ? "" : provider;
        providerId = providerId == null ? "" : providerId;
        hourlyPrice = hourlyPrice == null ? BigDecimal.ZERO : hourlyPrice;
        if (hourlyPrice.signum() < 0) {
            throw new IllegalArgumentException("server " + id + ": the hourly price must not be negative");
        }
    }

    /** A server HQ runs in its own process ({@code localHome}) or one added by hand (no home), costing nothing. */
    public static ServerSettings of(String id, String host, int agentPort, Resources capacity, List<String> tags,
            String localHome) {
        return new ServerSettings(id, host, agentPort, capacity.memoryMebibytes(), capacity.cpuMillicores(), tags,
                localHome, "", "", BigDecimal.ZERO);
    }

    /** Whether a pacific provider made it (and removes it). */
    @JsonIgnore
    public boolean isFromProvider() {
        return !provider.isEmpty();
    }

    /** Whether HQ starts this server's agent itself (a local server). */
    @JsonIgnore
    public boolean isLocal() {
        return !localHome.isEmpty();
    }

    /** Whether its agent is on this machine's loopback, where trusting its host key on first use is safe. */
    @JsonIgnore
    public boolean isLoopback() {
        return host.startsWith("127.");
    }

    @JsonIgnore
    public Resources capacity() {
        return Resources.of(memoryMebibytes, cpuMillicores);
    }

    /** The server as slicegrid sees it. */
    @JsonIgnore
    public Block block() {
        return new Block(id, capacity(), Set.copyOf(tags), BlockState.READY);
    }

    /** The same server with its agent on another port (a local agent started again). */
    public ServerSettings withAgentPort(int port) {
        return new ServerSettings(id, host, port, memoryMebibytes, cpuMillicores, tags, localHome, provider, providerId,
                hourlyPrice);
    }
}
