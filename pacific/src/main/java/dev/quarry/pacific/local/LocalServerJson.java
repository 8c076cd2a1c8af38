package dev.quarry.pacific.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.pacific.provider.ServerSize;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The JSON of {@code servers/<id>/local.json}, written and read by hand so the format is plain to see. */
final class LocalServerJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalServerJson() {}

    static byte[] write(LocalServer server) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        LocalAllocation allocation = server.allocation();
        root.put("id", server.id());
        root.put("number", allocation.number());
        root.put("address", allocation.address());
        root.put("agentPort", allocation.agentPort());
        root.put("ports", allocation.ports().toString());
        root.put("memoryMebibytes", server.size().memoryMebibytes());
        root.put("cpuMillicores", server.size().cpuMillicores());
        new TreeSet<>(server.tags()).forEach(root.putArray("tags")::add);
        server.agent().ifPresent(agent -> {
            root.put("agentPid", agent.pid());
            root.put("agentStartedAt", agent.startedAt().toString());
        });
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    /** The record in {@code content}; IllegalArgumentException says what is wrong with it. */
    static LocalServer read(byte[] content) throws IOException {
        JsonNode root = JSON.readTree(content);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("must hold one JSON object");
        }
        String[] ports = text(root, "ports").split("-", 2);
        if (ports.length != 2) {
            throw new IllegalArgumentException("ports must look like 10001-10499");
        }
        LocalAllocation allocation = new LocalAllocation(number(root, "number"), text(root, "address"),
                number(root, "agentPort"), new PortRange(Integer.parseInt(ports[0]), Integer.parseInt(ports[1])));
        Set<String> tags = new TreeSet<>();
        root.path("tags").forEach(tag -> tags.add(tag.asText()));
        Optional<LaunchedAgent> agent = root.has("agentPid")
                ? Optional.of(new LaunchedAgent(root.get("agentPid").asLong(), Instant.parse(text(root, "agentStartedAt"))))
                : Optional.empty();
        return new LocalServer(allocation, new ServerSize(number(root, "memoryMebibytes"),
                number(root, "cpuMillicores")), tags, agent);
    }

    private static String text(JsonNode root, String key) {
        JsonNode node = root.get(key);
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException(key + " must be a string");
        }
        return node.asText();
    }

    private static int number(JsonNode root, String key) {
        JsonNode node = root.get(key);
        if (node == null || !node.isInt()) {
            throw new IllegalArgumentException(key + " must be a whole number");
        }
        return node.asInt();
    }
}
