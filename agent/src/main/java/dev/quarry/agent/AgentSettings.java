package dev.quarry.agent;

import static java.util.Objects.requireNonNull;

import dev.quarry.agent.docker.DockerClients;
import dev.quarry.agent.ports.PortRange;
import dev.quarry.agent.process.LogFile;
import dev.quarry.agent.supervise.Sleeper;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;

/**
 * How an agent runs.
 *
 * @param home its home folder (keys, state, sources, logs)
 * @param listen the address and port of its SSH endpoint
 * @param hqKeys HQ's public key file; null means {@code HOME/hq.pub}
 * @param ports the range it hands out container ports from
 * @param dockerHost the Docker daemon's socket, such as {@code unix:///var/run/docker.sock}
 * @param cgroupRoot where cgroup v2 is mounted, normally /sys/fs/cgroup
 * @param logCap the size at which a process container's log moves aside
 * @param clock what restart decisions and health deadlines are timed by
 * @param backoff how restarts wait out their backoff
 * @param probes how health checks wait between tries
 */
public record AgentSettings(Path home, InetSocketAddress listen, Path hqKeys, PortRange ports, String dockerHost,
        Path cgroupRoot, long logCap, Clock clock, Sleeper backoff, Sleeper probes) {

    public static final int DEFAULT_PORT = 2200;

    public AgentSettings {
        requireNonNull(home, "home is null");
        requireNonNull(listen, "listen is null");
        hqKeys = hqKeys == null ? home.resolve("hq.pub") : hqKeys;
        requireNonNull(ports, "ports is null");
        requireNonNull(dockerHost, "dockerHost is null");
        requireNonNull(cgroupRoot, "cgroupRoot is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(backoff, "backoff is null");
        requireNonNull(probes, "probes is null");
    }

    /** The defaults: the real clock and sleeps, the Docker socket, /sys/fs/cgroup, logs capped at 10 MiB. */
    public static AgentSettings of(Path home, InetSocketAddress listen, Path hqKeys, PortRange ports) {
        return new AgentSettings(home, listen, hqKeys, ports, DockerClients.DEFAULT_SOCKET, Path.of("/sys/fs/cgroup"),
                LogFile.DEFAULT_CAP, Clock.systemUTC(), Sleeper.SYSTEM, Sleeper.SYSTEM);
    }

    public AgentSettings withBackoff(Sleeper sleeper) {
        return new AgentSettings(home, listen, hqKeys, ports, dockerHost, cgroupRoot, logCap, clock, sleeper, probes);
    }

    public AgentSettings withLogCap(long cap) {
        return new AgentSettings(home, listen, hqKeys, ports, dockerHost, cgroupRoot, cap, clock, backoff, probes);
    }

    public AgentSettings withDockerHost(String host) {
        return new AgentSettings(home, listen, hqKeys, ports, host, cgroupRoot, logCap, clock, backoff, probes);
    }
}
