package dev.quarry.hq.liveness;

/**
 * What HQ makes of a server's heartbeat. {@link #UP} and {@link #SUSPECT} servers take work; a
 * {@link #DOWN} one is off the grid (its containers run elsewhere); a {@link #RETURNING} one answers
 * again and stays off the grid until its stale containers are removed.
 */
public enum ServerState {
    UP("up"),
    SUSPECT("suspect"),
    DOWN("down"),
    RETURNING("returning");

    private final String word;

    ServerState(String word) {
        this.word = word;
    }

    /** How {@code quarry servers} shows it. */
    public String word() {
        return word;
    }

    /** Whether containers may be placed on a server in this state. */
    public boolean takesWork() {
        return this == UP || this == SUSPECT;
    }
}
