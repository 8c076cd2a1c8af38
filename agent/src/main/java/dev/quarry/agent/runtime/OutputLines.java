package dev.quarry.agent.runtime;

/** Where a build's or a hook's output goes line by line while it runs (the agent streams it to HQ). */
@FunctionalInterface
public interface OutputLines {
    /** One line of output, without its line break. */
    void line(String text);

    /** Discards every line. */
    OutputLines NONE = text -> { };
}
