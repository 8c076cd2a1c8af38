package dev.quarry.agent.docker;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import java.util.List;

/**
 * What every Docker container Quarry runs (containers and hooks) gets, whatever the request says: never
 * privileged, no new privileges (setuid binaries do not raise them), every capability dropped but
 * {@link #KEPT_CAPABILITIES}, at most {@link #PROCESSES} processes and threads, and no mount but the
 * stack's named volumes (never the Docker socket, never a host folder). The image's own user is kept.
 */
final class DockerHardening {
    /**
     * What ordinary images need when they start as root and step down to their own user, as postgres, redis
     * and nginx do: CHOWN, DAC_OVERRIDE and FOWNER to prepare their data folder, SETUID and SETGID to step
     * down, KILL for the init process to signal the app once it runs as another user, NET_BIND_SERVICE for
     * ports below 1024 on the host network.
     */
    static final List<Capability> KEPT_CAPABILITIES = List.of(Capability.CHOWN, Capability.DAC_OVERRIDE,
            Capability.FOWNER, Capability.SETUID, Capability.SETGID, Capability.KILL, Capability.NET_BIND_SERVICE);
    /** The cap on a container's processes and threads: a fork bomb stays inside. */
    static final long PROCESSES = 1024;

    private DockerHardening() {}

    static HostConfig apply(HostConfig host) {
        return host.withPrivileged(false)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withCapDrop(Capability.ALL)
                .withCapAdd(KEPT_CAPABILITIES.toArray(Capability[]::new))
                .withPidsLimit(PROCESSES);
    }
}
