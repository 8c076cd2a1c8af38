package dev.quarry.pacific.digitalocean;

import static java.util.Objects.requireNonNull;

import dev.quarry.pacific.provider.ServerRequest;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The DigitalOcean provider's settings, from {@code etc/cloud/digitalocean.json} (the token is kept apart, in
 * {@code etc/cloud/digitalocean-token}).
 *
 * @param grid the grid's name: droplets are tagged with it and named {@code quarry-<grid>-<random>}
 * @param region the region slug droplets are made in ({@code fra1})
 * @param image the image slug droplets boot ({@code debian-13-x64}); cloud-init installs from its apt sources
 * @param javaPackage the JDK package the agent runs on ({@code openjdk-21-jdk-headless}; Quarry needs Java 21)
 * @param agent where droplets get the Quarry agent from
 * @param activeTimeout how long a new droplet may take to become active with a public IPv4
 * @param agentTimeout how long its agent may then take to answer (cloud-init installs Docker and a JDK first)
 * @param pollInterval the pause between looks at a droplet, an action or an agent
 */
public record DigitalOceanSettings(String grid, String region, String image, String javaPackage, AgentSource agent,
        Duration activeTimeout, Duration agentTimeout, Duration pollInterval) {
    public static final String DEFAULT_IMAGE = "debian-13-x64";
    public static final String DEFAULT_JAVA_PACKAGE = "openjdk-21-jdk-headless";
    public static final Duration DEFAULT_ACTIVE_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_AGENT_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public DigitalOceanSettings {
        requireMatch(grid, ServerRequest.TAG, "grid", "lower-case letters, digits and dashes");
        requireMatch(region, SLUG, "region", "a region slug such as fra1");
        requireMatch(image, SLUG, "image", "an image slug such as " + DEFAULT_IMAGE);
        requireMatch(javaPackage, AgentSource.PACKAGE, "javaPackage", "a Debian package such as " + DEFAULT_JAVA_PACKAGE);
        requireNonNull(agent, "agent is null");
        requirePositive(activeTimeout, "activeTimeout");
        requirePositive(agentTimeout, "agentTimeout");
        requirePositive(pollInterval, "pollInterval");
    }

    /** Settings with the default image, JDK, timeouts and poll interval. */
    public static DigitalOceanSettings of(String grid, String region, AgentSource agent) {
        return new DigitalOceanSettings(grid, region, DEFAULT_IMAGE, DEFAULT_JAVA_PACKAGE, agent,
                DEFAULT_ACTIVE_TIMEOUT, DEFAULT_AGENT_TIMEOUT, DEFAULT_POLL_INTERVAL);
    }

    private static void requireMatch(String value, Pattern pattern, String key, String valid) {
        requireNonNull(value, key + " is null");
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(key + ": \"" + value + "\" is not valid; use " + valid);
        }
    }

    private static void requirePositive(Duration duration, String key) {
        requireNonNull(duration, key + " is null");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(key + ": must be more than 0, got " + duration);
        }
    }
}
