package dev.quarry.hq.access;

/** Something done to one app, with the words a refusal uses ({@code bob may not deploy hello}). */
public enum AppAction {
    DEPLOY("deploy"),
    CLONE("clone"),
    SEE_RELEASES("see the releases of"),
    ROLL_BACK("roll back"),
    CONFIGURE("configure"),
    SCALE("scale"),
    READ_LOGS("read the logs of"),
    SEE_CONTAINERS("see the containers of"),
    RUN("run commands in"),
    RESTART("restart"),
    DESTROY("destroy");

    private final String words;

    AppAction(String words) {
        this.words = words;
    }

    /** The verb phrase, such as {@code read the logs of}. */
    public String words() {
        return words;
    }
}
