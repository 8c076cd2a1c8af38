package dev.quarry.hq.grid;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Where HQ gets its servers: {@code --provider embedded|local|digitalocean}. */
public enum ServerSource {
    /** Agents in HQ's own process on loopback addresses of their own: {@code quarry up}'s servers. */
    EMBEDDED("embedded"),
    /** pacific's local provider: each server an agent process of its own, with its own address and ports. */
    LOCAL("local"),
    /** pacific's DigitalOcean provider: droplets, with the settings and token under {@code etc/cloud/}. */
    DIGITALOCEAN("digitalocean");

    private final String word;

    ServerSource(String word) {
        this.word = word;
    }

    /** The source a word names; a one-line error listing the valid words otherwise. */
    public static ServerSource of(String word) {
        return Arrays.stream(values()).filter(source -> source.word.equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--provider " + word + ": give one of "
                        + Arrays.stream(values()).map(ServerSource::toString).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return word;
    }
}
