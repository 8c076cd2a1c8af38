package dev.quarry.agent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.WaitResponse;
import dev.quarry.agent.hook.HookRequest;
import dev.quarry.agent.hook.HookResult;
import dev.quarry.agent.runtime.RuntimeFailure;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Runs a release's hook in a one-off container of the release's image (host network), then removes it. */
final class DockerHooks {
    private final DockerClient client;
    private final String agentId;

    DockerHooks(DockerClient client, String agentId) {
        this.client = client;
        this.agentId = agentId;
    }

    HookResult run(HookRequest request, String image) {
        long began = System.nanoTime();
        String id = null;
        try {
            id = client.createContainerCmd(image)
                    .withName("quarry-" + agentId + "-hook-" + UUID.randomUUID().toString().substring(0, 8))
                    .withCmd("/bin/sh", "-c", request.command())
                    .withEnv(environment(request))
                    .withLabels(Map.of(DockerLabels.AGENT, agentId, DockerLabels.HOOK, request.describe()))
                    .withHostConfig(DockerHardening.apply(HostConfig.newHostConfig().withNetworkMode("host")
                            .withInit(true)))
                    .exec().getId();
            client.startContainerCmd(id).exec();
            int status = awaitExit(id, request);
            List<String> output = DockerLogs.tail(client, id, HookResult.KEPT_LINES);
            return new HookResult(request.name(), status, output, (System.nanoTime() - began) / 1_000_000, false);
        } catch (RuntimeException e) {
            throw new RuntimeFailure("cannot run " + request.describe() + " in image " + image + ": "
                    + RuntimeFailure.firstLine(e), e);
        } finally {
            remove(id);
        }
    }

    private int awaitExit(String id, HookRequest request) {
        Exit exit = client.waitContainerCmd(id).exec(new Exit());
        try {
            if (exit.awaitCompletion(request.timeout().toMillis(), TimeUnit.MILLISECONDS) && exit.status != null) {
                return exit.status;
            }
            client.killContainerCmd(id).exec();
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure(request.describe() + " was interrupted; run it again");
        }
    }

    private static List<String> environment(HookRequest request) {
        Map<String, String> env = new TreeMap<>(request.env());
        env.put("HOST", request.host());
        return env.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).toList();
    }

    private void remove(String id) {
        if (id != null) {
            try {
                client.removeContainerCmd(id).withForce(true).exec();
            } catch (NotFoundException e) {
                // gone already
            }
        }
    }

    private static final class Exit extends ResultCallback.Adapter<WaitResponse> {
        private volatile Integer status;

        @Override
        public void onNext(WaitResponse response) {
            status = response.getStatusCode();
        }
    }
}
