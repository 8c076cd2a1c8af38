package dev.quarry.hq.grid;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.quarry.compiler.read.Names;
import dev.quarry.slicegrid.model.Block;
import dev.quarry.slicegrid.model.BlockState;
import dev.quarry.slicegrid.model.Resources;
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
 */
public record ServerSettings(String id, String host, int agentPort, int memoryMebibytes, int cpuMillicores,
        List<String> tags, String localHome) {

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
        return new ServerSettings(id, host, port, memoryMebibytes, cpuMillicores, tags, localHome);
    }
}
