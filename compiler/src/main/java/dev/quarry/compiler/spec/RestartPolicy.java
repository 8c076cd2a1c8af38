package dev.quarry.compiler.spec;

import java.util.Arrays;
import java.util.Optional;

/** When a container that exited is started again. */
public enum RestartPolicy {
    ALWAYS("always"),
    ON_FAILURE("on-failure"),
    NEVER("never");

    private final String word;

    RestartPolicy(String word) {
        this.word = word;
    }

    /** The word used in quarry.yml. */
    public String word() {
        return word;
    }

    public static Optional<RestartPolicy> fromWord(String word) {
        return Arrays.stream(values()).filter(policy -> policy.word.equals(word)).findFirst();
    }
}
