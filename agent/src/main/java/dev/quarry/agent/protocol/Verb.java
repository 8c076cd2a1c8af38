package dev.quarry.agent.protocol;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The agent's verbs, the only commands its SSH endpoint runs. */
public enum Verb {
    START("start"),
    STOP("stop"),
    LIST("list"),
    LOGS("logs"),
    HEALTH("health"),
    REMOVE("remove"),
    PREPARE("prepare"),
    RUN_HOOK("run-hook"),
    RECEIVE_SOURCE("receive-source"),
    REMOVE_RELEASE("remove-release"),
    LOCKNET_APPLY("locknet-apply"),
    LOCKNET_CONFIRM("locknet-confirm"),
    HAS_BUILD("has-build"),
    SEND_BUILD("send-build"),
    RECEIVE_BUILD("receive-build"),
    CLEAR_CACHE("clear-cache"),
    RUN_ONCE("run-once"),
    REMOVE_STACK("remove-stack");

    private final String word;

    Verb(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Optional<Verb> fromWord(String word) {
        return Arrays.stream(values()).filter(verb -> verb.word.equals(word)).findFirst();
    }

    /** All the words, for "unknown verb" messages. */
    public static String words() {
        return Arrays.stream(values()).map(Verb::word).collect(Collectors.joining(", "));
    }
}
