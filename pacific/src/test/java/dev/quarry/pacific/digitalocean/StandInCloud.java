package dev.quarry.pacific.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The stand-in's droplets and actions, and its answers to the v2 endpoints the provider uses. */
final class StandInCloud {
    private static final Pattern DROPLET = Pattern.compile("/v2/droplets/([0-9]+)");
    private static final Pattern DROPLET_ACTIONS = Pattern.compile("/v2/droplets/([0-9]+)/actions");
    private static final Pattern ACTION = Pattern.compile("/v2/actions/([0-9]+)");

    private final Map<Integer, StandInDroplet> droplets = new LinkedHashMap<>();
    private final Map<Integer, StandInAction> actions = new HashMap<>();
    private int nextDropletId = 3164494;
    private int nextActionId = 36804636;
    private int looksUntilActive = 2;
    private int looksUntilActionDone = 2;
    private StandInResponse nextCreateAnswer;

    synchronized void activeAfterLooks(int looks) {
        looksUntilActive = looks;
    }

    synchronized void neverActive() {
        looksUntilActive = Integer.MAX_VALUE;
    }

    /** The next create makes the droplet but answers 500, as if the answer were lost on the way. */
    synchronized void loseNextCreateAnswer() {
        nextCreateAnswer = StandInResponse.error(500, "server_error", "Unexpected server-side error");
    }

    /** The next create makes the droplet but answers this, such as a body the client cannot read. */
    synchronized void answerNextCreateWith(int status, String body) {
        nextCreateAnswer = StandInResponse.json(status, body);
    }

    synchronized int add(String name, String status, List<String> tags) {
        return add(nextDropletId++, name, status, tags);
    }

    synchronized int add(int id, String name, String status, List<String> tags) {
        StandInDroplet droplet = new StandInDroplet(id, name, "fra1", "s-1vcpu-1gb", tags);
        droplet.status = status;
        droplets.put(droplet.id, droplet);
        return droplet.id;
    }

    synchronized List<StandInDroplet> droplets() {
        return List.copyOf(droplets.values());
    }

    synchronized StandInResponse answer(StandInRequest request) {
        String path = request.path();
        Matcher matcher;
        return switch (request.method()) {
            case "GET" -> {
                if (path.equals("/v2/sizes")) {
                    yield StandInSizes.page(query(request.query()));
                } else if (path.equals("/v2/droplets")) {
                    yield tagged(request);
                } else if ((matcher = DROPLET.matcher(path)).matches()) {
                    yield look(Integer.parseInt(matcher.group(1)));
                } else if ((matcher = ACTION.matcher(path)).matches()) {
                    yield lookAtAction(Integer.parseInt(matcher.group(1)));
                }
                yield notFound();
            }
            case "POST" -> {
                if (path.equals("/v2/droplets")) {
                    yield create(request.json());
                } else if ((matcher = DROPLET_ACTIONS.matcher(path)).matches()) {
                    yield act(Integer.parseInt(matcher.group(1)), request.json());
                }
                yield notFound();
            }
            case "DELETE" -> (matcher = DROPLET.matcher(path)).matches()
                    && droplets.remove(Integer.parseInt(matcher.group(1))) != null
                    ? StandInResponse.noContent() : notFound();
            default -> notFound();
        };
    }

    private StandInResponse tagged(StandInRequest request) {
        String tag = query(request.query()).get("tag_name");
        ObjectNode body = DigitalOceanStandIn.object();
        ArrayNode list = body.putArray("droplets");
        droplets.values().stream().filter(droplet -> tag == null || droplet.tags.contains(tag))
                .map(StandInDroplet::json).forEach(list::add);
        body.putObject("links");
        body.putObject("meta").put("total", list.size());
        return StandInResponse.json(200, body.toString());
    }

    private StandInResponse create(JsonNode wanted) {
        String slug = wanted.path("size").asText();
        if (StandInSizes.find(slug) == null) {
            return StandInResponse.error(422, "unprocessable_entity", "You specified an invalid size for Droplet creation.");
        }
        List<String> tags = new ArrayList<>();
        wanted.path("tags").forEach(tag -> tags.add(tag.asText()));
        StandInDroplet droplet = new StandInDroplet(nextDropletId++, wanted.path("name").asText(),
                wanted.path("region").asText(), slug, tags);
        droplets.put(droplet.id, droplet);
        if (nextCreateAnswer != null) {
            StandInResponse answer = nextCreateAnswer;
            nextCreateAnswer = null;
            return answer;
        }
        ObjectNode body = DigitalOceanStandIn.object();
        body.set("droplet", droplet.json());
        body.putObject("links").putArray("actions").addObject().put("id", nextActionId++).put("rel", "create")
                .put("href", "https://api.digitalocean.com/v2/actions/" + (nextActionId - 1));
        return StandInResponse.json(202, body.toString());
    }

    private StandInResponse look(int id) {
        StandInDroplet droplet = droplets.get(id);
        if (droplet == null) {
            return notFound();
        }
        if (droplet.status.equals("new") && ++droplet.looks >= looksUntilActive) {
            droplet.status = "active";
        }
        ObjectNode body = DigitalOceanStandIn.object();
        body.set("droplet", droplet.json());
        return StandInResponse.json(200, body.toString());
    }

    private StandInResponse act(int id, JsonNode wanted) {
        StandInDroplet droplet = droplets.get(id);
        if (droplet == null) {
            return notFound();
        }
        String type = wanted.path("type").asText();
        if (type.equals("resize") && !droplet.status.equals("off")) {
            return StandInResponse.error(422, "unprocessable_entity",
                    "Droplet is currently on. Please power it off to run this event.");
        }
        StandInAction action = new StandInAction(nextActionId++, type, droplet, wanted.path("size").asText(null));
        actions.put(action.id, action);
        return StandInResponse.json(201, "{\"action\":" + action.json() + "}");
    }

    private StandInResponse lookAtAction(int id) {
        StandInAction action = actions.get(id);
        if (action == null) {
            return notFound();
        }
        action.look(looksUntilActionDone);
        return StandInResponse.json(200, "{\"action\":" + action.json() + "}");
    }

    private static StandInResponse notFound() {
        return StandInResponse.error(404, "not_found", "The resource you were accessing could not be found.");
    }

    static Map<String, String> query(String query) {
        Map<String, String> values = new HashMap<>();
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts.length == 2) {
                values.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
