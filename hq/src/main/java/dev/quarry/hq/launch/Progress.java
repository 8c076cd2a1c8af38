package dev.quarry.hq.launch;

/** Where progress lines go as they happen: the pusher's {@code remote:} lines, or a command's output. */
@FunctionalInterface
public interface Progress {
    /** One line, without a line break. */
    void line(String text);

    /** Discards every line. */
    Progress NONE = text -> { };
}
