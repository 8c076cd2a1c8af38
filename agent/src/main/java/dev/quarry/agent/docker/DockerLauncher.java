package dev.quarry.agent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import dev.quarry.agent.home.AgentHome;
import dev.quarry.agent.hook.HookRequest;
import dev.quarry.agent.hook.HookResult;
import dev.quarry.agent.runtime.BuildOutcome;
import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.Instance;
import dev.quarry.agent.runtime.Launcher;
import dev.quarry.agent.runtime.OutputLines;
import dev.quarry.agent.runtime.PrepareRequest;
import dev.quarry.agent.runtime.RuntimeFailure;
import dev.quarry.compiler.spec.RuntimeKind;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts docker containers named {@code quarry-AGENT-ID}: creates one the first time, starts the
 * same one again on a restart, and finds them again by the agent's label.
 */
public final class DockerLauncher implements Launcher {
    private final DockerClient client;
    private final String agentId;
    private final DockerImages images;
    private final DockerHooks hooks;

    public DockerLauncher(DockerClient client, AgentHome home) {
        this.client = client;
        this.agentId = home.agentId();
        this.images = new DockerImages(client, home);
        this.hooks = new DockerHooks(client, agentId);
    }

    @Override
    public RuntimeKind kind() {
        return RuntimeKind.DOCKER;
    }

    @Override
    public BuildOutcome prepare(PrepareRequest request, OutputLines output) {
        return images.ensure(request, output);
    }

    @Override
    public Instance launch(ContainerRequest request) {
        String image = images.ensure(PrepareRequest.of(request));
        String name = DockerLabels.containerName(agentId, request.id());
        try {
            String id = inspect(name).map(InspectContainerResponse::getId)
                    .orElseGet(() -> DockerContainers.create(client, request, image, agentId).exec().getId());
            try {
                client.startContainerCmd(id).exec();
            } catch (NotModifiedException e) {
                // it already runs
            }
            return new DockerInstance(client, id, startedAt(id));
        } catch (RuntimeException e) {
            throw new RuntimeFailure("cannot start docker container " + name + " (image " + image + "): "
                    + RuntimeFailure.firstLine(e) + "; see the daemon's log (journalctl -u docker) for more", e);
        }
    }

    @Override
    public Optional<Instance> reattach(ContainerRequest request, String handle, Instant startedAt) {
        return inspect(DockerLabels.containerName(agentId, request.id()))
                .filter(container -> Boolean.TRUE.equals(container.getState().getRunning()))
                .map(container -> new DockerInstance(client, container.getId(), startedAt(container)));
    }

    @Override
    public List<ContainerRequest> discover() {
        List<Container> found = client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(DockerLabels.AGENT, agentId)).exec();
        return found.stream().filter(container -> !container.getLabels().containsKey(DockerLabels.HOOK))
                .flatMap(container -> DockerLabels.request(container.getLabels()).stream()).toList();
    }

    @Override
    public List<String> logs(ContainerRequest request, int lines) {
        return DockerLogs.tail(client, DockerLabels.containerName(agentId, request.id()), lines);
    }

    @Override
    public void discard(ContainerRequest request) {
        try {
            client.removeContainerCmd(DockerLabels.containerName(agentId, request.id())).withForce(true).exec();
        } catch (NotFoundException e) {
            // already gone
        }
    }

    @Override
    public List<String> notes(ContainerRequest request) {
        return List.of();
    }

    @Override
    public HookResult runHook(HookRequest request, OutputLines output) {
        return hooks.run(request, images.ensure(request.prepare()));
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // closing the connections is best effort
        }
    }

    private Optional<InspectContainerResponse> inspect(String name) {
        try {
            return Optional.of(client.inspectContainerCmd(name).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private Instant startedAt(String id) {
        return inspect(id).map(DockerLauncher::startedAt).orElse(Instant.now());
    }

    private static Instant startedAt(InspectContainerResponse container) {
        try {
            return Instant.parse(container.getState().getStartedAt());
        } catch (RuntimeException e) {
            return Instant.now();
        }
    }
}
