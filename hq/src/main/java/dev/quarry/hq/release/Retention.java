package dev.quarry.hq.release;

import java.util.List;

/** Keeps the newest {@code releases.keep} releases of a stack, and always the current one. */
final class Retention {
    private Retention() {}

    static void trim(StackState state, String stack, int keep, int current) {
        List<Release> releases = state.releases(stack);
        int surplus = releases.size() - keep;
        for (Release release : releases) {
            if (surplus <= 0) {
                return;
            }
            if (release.number() != current) {
                state.delete(stack, release.number());
                surplus--;
            }
        }
    }
}
