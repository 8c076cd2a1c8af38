package dev.quarry.hq.git;

import java.util.Optional;

/** Which refs a push may touch: branches and tags, with no name part starting with a dash. */
public final class RefRules {
    private RefRules() {}

    /** Why a push may not update {@code refName}, or empty when it may. */
    public static Optional<String> refusal(String refName) {
        if (!refName.startsWith("refs/heads/") && !refName.startsWith("refs/tags/")) {
            return Optional.of("refused " + refName + ": push branches (refs/heads/) and tags (refs/tags/) only");
        }
        for (String part : refName.split("/", -1)) {
            if (part.startsWith("-")) {
                return Optional.of("refused " + refName + ": a ref name part may not start with '-'; rename it");
            }
        }
        return Optional.empty();
    }

    /** {@code main} for {@code refs/heads/main}, {@code v1} for {@code refs/tags/v1}. */
    public static String shortName(String refName) {
        if (refName.startsWith("refs/heads/")) {
            return refName.substring("refs/heads/".length());
        }
        return refName.startsWith("refs/tags/") ? refName.substring("refs/tags/".length()) : refName;
    }
}
