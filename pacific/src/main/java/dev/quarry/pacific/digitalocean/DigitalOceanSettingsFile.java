package dev.quarry.pacific.digitalocean;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.pacific.provider.CloudFailure;
import dev.quarry.pacific.waiting.DurationText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;

/**
 * Reads {@code etc/cloud/digitalocean.json} under the Quarry home. Every problem is one line naming the file, the
 * key and what would be valid, for example
 * {@code pacific: /home/quarry/etc/cloud/digitalocean.json: region: missing; set it to a region slug such as "fra1"}.
 */
public final class DigitalOceanSettingsFile {
    static final List<String> KEYS = List.of("grid", "region", "image", "javaPackage", "agent", "activeTimeout",
            "agentTimeout", "pollInterval");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DigitalOceanSettingsFile() {}

    public static Path settingsFile(Path home) {
        return home.resolve("etc").resolve("cloud").resolve("digitalocean.json");
    }

    public static Path tokenFile(Path home) {
        return home.resolve("etc").resolve("cloud").resolve("digitalocean-token");
    }

    public static DigitalOceanSettings read(Path file) throws CloudFailure {
        JsonNode root = parse(file);
        SettingsReader reader = new SettingsReader(file, root);
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new CloudFailure(file + ": \"" + name + "\" is not a setting; the settings are "
                        + String.join(", ", KEYS));
            }
        }
        try {
            return new DigitalOceanSettings(
                    reader.text("grid", "the grid's name, such as \"main\"", null),
                    reader.text("region", "a region slug such as \"fra1\"", null),
                    reader.text("image", "an image slug", DigitalOceanSettings.DEFAULT_IMAGE),
                    reader.text("javaPackage", "a Debian JDK package", DigitalOceanSettings.DEFAULT_JAVA_PACKAGE),
                    reader.agent(),
                    reader.duration("activeTimeout", DigitalOceanSettings.DEFAULT_ACTIVE_TIMEOUT),
                    reader.duration("agentTimeout", DigitalOceanSettings.DEFAULT_AGENT_TIMEOUT),
                    reader.duration("pollInterval", DigitalOceanSettings.DEFAULT_POLL_INTERVAL));
        } catch (IllegalArgumentException e) {
            throw new CloudFailure(file + ": " + e.getMessage());
        }
    }

    private static JsonNode parse(Path file) throws CloudFailure {
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            if (root == null || !root.isObject()) {
                throw new CloudFailure(file + ": must hold one JSON object, such as {\"grid\": \"main\", "
                        + "\"region\": \"fra1\", \"agent\": {...}}");
            }
            return root;
        } catch (NoSuchFileException e) {
            throw new CloudFailure(file + " is missing; write the DigitalOcean settings there (grid, region, agent)");
        } catch (JacksonException e) {
            JsonLocation where = e.getLocation();
            String position = where == null ? "" : ":" + where.getLineNr() + ":" + where.getColumnNr();
            throw new CloudFailure(file + position + ": not valid JSON (" + e.getOriginalMessage().lines()
                    .findFirst().orElse("") + "); fix the file");
        } catch (IOException e) {
            throw new CloudFailure("cannot read " + file + " (" + e.getMessage() + "); check that HQ's user can read it");
        }
    }

    /** Reads one key after another, each problem naming the file and the key. */
    private record SettingsReader(Path file, JsonNode root) {
        String text(String key, String valid, String fallback) throws CloudFailure {
            JsonNode node = root.get(key);
            if (node == null || node.isNull()) {
                if (fallback == null) {
                    throw new CloudFailure(file + ": " + key + ": missing; set it to " + valid);
                }
                return fallback;
            }
            if (!node.isTextual()) {
                throw new CloudFailure(file + ": " + key + ": must be a string, " + valid + "; got " + node);
            }
            return node.asText();
        }

        Duration duration(String key, Duration fallback) throws CloudFailure {
            String text = text(key, "a duration such as \"" + DurationText.format(fallback) + "\"",
                    DurationText.format(fallback));
            return DurationText.parse(text).orElseThrow(() -> new CloudFailure(file + ": " + key + ": \"" + text
                    + "\" is not a duration; write a whole number and ms, s, m or h, such as \""
                    + DurationText.format(fallback) + "\""));
        }

        AgentSource agent() throws CloudFailure {
            JsonNode agent = root.get("agent");
            String example = "{\"jar\": \"https://hq.example.com/quarry.jar\", \"sha256\": \"<sha256sum of it>\"} "
                    + "or {\"package\": \"quarry\"}";
            if (agent == null || !agent.isObject()) {
                throw new CloudFailure(file + ": agent: " + (agent == null ? "missing" : "must be an object")
                        + "; set it to " + example);
            }
            for (Iterator<String> names = agent.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!List.of("jar", "sha256", "package").contains(name)) {
                    throw new CloudFailure(file + ": agent: \"" + name + "\" is not a setting; set it to " + example);
                }
            }
            SettingsReader inner = new SettingsReader(file, agent);
            if (agent.has("package") && !agent.has("jar")) {
                return new AgentSource.DebianPackage(inner.text("package", "a Debian package name", null));
            }
            if (agent.has("jar")) {
                return new AgentSource.Jar(inner.text("jar", "the URL of quarry.jar", null),
                        inner.text("sha256", "the jar's SHA-256 (sha256sum quarry.jar)", null));
            }
            throw new CloudFailure(file + ": agent: say where droplets get the agent from; set it to " + example);
        }
    }
}
