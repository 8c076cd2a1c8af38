package dev.quarry.agent.runtime;

import dev.quarry.compiler.spec.HealthSpec;
import dev.quarry.compiler.spec.LivenessSpec;
import dev.quarry.compiler.spec.RestartSpec;
import dev.quarry.compiler.spec.RuntimeKind;
import dev.quarry.compiler.spec.VolumeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a ContainerRequest field by field; stack, node and release come from the id. */
public final class ContainerRequestBuilder {
    private final ContainerId id;
    private final String host;
    private RuntimeKind kind;
    private String image;
    private String dockerfile;
    private final List<String> build = new ArrayList<>();
    private String run;
    private final Map<String, String> env = new LinkedHashMap<>();
    private Integer port;
    private int memoryMebibytes;
    private int cpuMillicores;
    private RestartSpec restart;
    private HealthSpec health;
    private LivenessSpec liveness;
    private final List<VolumeSpec> volumes = new ArrayList<>();
    private final Map<String, String> labels = new LinkedHashMap<>();

    ContainerRequestBuilder(String id, String host) {
        this.id = ContainerId.parse(id);
        this.host = host;
    }

    public ContainerRequestBuilder kind(RuntimeKind value) {
        kind = value;
        return this;
    }

    public ContainerRequestBuilder image(String value) {
        image = value;
        return this;
    }

    public ContainerRequestBuilder dockerfile(String value) {
        dockerfile = value;
        return this;
    }

    public ContainerRequestBuilder build(String... commands) {
        build.addAll(List.of(commands));
        return this;
    }

    public ContainerRequestBuilder run(String value) {
        run = value;
        return this;
    }

    public ContainerRequestBuilder env(String key, String value) {
        env.put(key, value);
        return this;
    }

    public ContainerRequestBuilder port(Integer value) {
        port = value;
        return this;
    }

    public ContainerRequestBuilder memoryMebibytes(int value) {
        memoryMebibytes = value;
        return this;
    }

    public ContainerRequestBuilder cpuMillicores(int value) {
        cpuMillicores = value;
        return this;
    }

    public ContainerRequestBuilder restart(RestartSpec value) {
        restart = value;
        return this;
    }

    public ContainerRequestBuilder health(HealthSpec value) {
        health = value;
        return this;
    }

    public ContainerRequestBuilder liveness(LivenessSpec value) {
        liveness = value;
        return this;
    }

    public ContainerRequestBuilder volume(VolumeSpec value) {
        volumes.add(value);
        return this;
    }

    public ContainerRequestBuilder label(String key, String value) {
        labels.put(key, value);
        return this;
    }

    public ContainerRequest toRequest() {
        return new ContainerRequest(id.toString(), id.stack(), id.node(), id.release(), kind, image, dockerfile, build,
                run, env, host, port, memoryMebibytes, cpuMillicores, restart, health, volumes, labels,
                liveness);
    }
}
