package dev.quarry.agent.docker;

import dev.quarry.agent.protocol.AgentJson;
import dev.quarry.agent.runtime.ContainerRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The labels on the agent's Docker containers: which agent made it, its stack, node, release and id,
 * and the whole request as JSON, so a restarted agent (even one that lost its state file) finds it.
 */
final class DockerLabels {
    static final String AGENT = "dev.quarry.agent";
    static final String STACK = "dev.quarry.stack";
    static final String NODE = "dev.quarry.node";
    static final String RELEASE = "dev.quarry.release";
    static final String ID = "dev.quarry.id";
    static final String REQUEST = "dev.quarry.request";
    static final String HOOK = "dev.quarry.hook";

    private DockerLabels() {}

    static Map<String, String> of(ContainerRequest request, String agentId) {
        Map<String, String> labels = new LinkedHashMap<>(request.labels());
        labels.put(AGENT, agentId);
        labels.put(STACK, request.stack());
        labels.put(NODE, request.node());
        labels.put(RELEASE, Integer.toString(request.release()));
        labels.put(ID, request.id());
        labels.put(REQUEST, AgentJson.write(request));
        return labels;
    }

    /** The request a container was made for, if its labels hold a readable one. */
    static Optional<ContainerRequest> request(Map<String, String> labels) {
        String json = labels == null ? null : labels.get(REQUEST);
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(AgentJson.read(json, ContainerRequest.class));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The container's name: unique per agent, since agents on one machine share the daemon. */
    static String containerName(String agentId, String id) {
        return "quarry-" + agentId + "-" + id;
    }
}
