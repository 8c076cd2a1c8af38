package dev.quarry.agent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.compiler.spec.VolumeSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a request becomes a Docker container: hardened ({@link DockerHardening}), host networking, HOST and
 * PORT in its env, memory (no swap past it) and cpu limits, named volumes {@code quarry-STACK-NAME}, an init process (so SIGTERM reaches the app),
 * no restart policy of Docker's own (the agent's supervisor restarts), and logs capped at 2 x 10 MB.
 */
final class DockerContainers {
    private DockerContainers() {}

    static CreateContainerCmd create(DockerClient client, ContainerRequest request, String image, String agentId) {
        CreateContainerCmd create = client.createContainerCmd(image)
                .withName(DockerLabels.containerName(agentId, request.id()))
                .withEnv(environment(request))
                .withLabels(DockerLabels.of(request, agentId))
                .withHostConfig(hostConfig(request));
        if (request.run() != null) {
            create.withCmd("/bin/sh", "-c", request.run());
        }
        return create;
    }

    static HostConfig hostConfig(ContainerRequest request) {
        HostConfig host = DockerHardening.apply(HostConfig.newHostConfig())
                .withNetworkMode("host")
                .withInit(true)
                .withRestartPolicy(RestartPolicy.noRestart())
                .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE, Map.of("max-size", "10m", "max-file", "2")))
                .withBinds(binds(request));
        if (request.memoryMebibytes() > 0) {
            host.withMemory(request.memoryMebibytes() * 1024L * 1024L);
            host.withMemorySwap(request.memoryMebibytes() * 1024L * 1024L);
        }
        if (request.cpuMillicores() > 0) {
            host.withNanoCPUs(request.cpuMillicores() * 1_000_000L);
        }
        return host;
    }

    static List<String> environment(ContainerRequest request) {
        Map<String, String> env = new TreeMap<>(request.env());
        env.put("HOST", request.host());
        env.put("PORT", Integer.toString(request.port()));
        return env.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).toList();
    }

    /** The stack's named volume: {@code pgdata} of stack {@code shop} is {@code quarry-shop-pgdata}. */
    static String volumeName(String stack, String name) {
        return "quarry-" + stack + "-" + name;
    }

    private static List<Bind> binds(ContainerRequest request) {
        return request.volumes().stream().map(volume -> bind(request.stack(), volume)).toList();
    }

    private static Bind bind(String stack, VolumeSpec volume) {
        return new Bind(volumeName(stack, volume.name()), new Volume(volume.path()),
                volume.readOnly() ? AccessMode.ro : AccessMode.rw);
    }
}
