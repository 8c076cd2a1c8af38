package dev.quarry.pacific.provider;

/** Where a server is in its life, as its provider sees it. */
public enum ServerState {
    /** Being made or booting: not ready for containers yet. */
    STARTING("starting"),
    /** Running: its agent can be reached. */
    ACTIVE("active"),
    /** Exists but is switched off (a local server whose agent is not running, a droplet powered off). */
    OFF("off");

    private final String word;

    ServerState(String word) {
        this.word = word;
    }

    @Override
    public String toString() {
        return word;
    }
}
