package dev.quarry.hq.access;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The access policy's answer: allowed, allowed and creating the app, or refused with the reason. */
public sealed interface Verdict {

    /** Allowed. */
    record Allowed() implements Verdict { }

    /** Allowed: the push creates a new app, whose developer its pusher becomes. */
    record Creates() implements Verdict { }

    /**
     * Refused.
     *
     * @param reason what may not be done, such as {@code bob may not deploy hello}
     * @param lead what comes before the hint, such as {@code an admin can run: }
     * @param hint the words of the command the hint names (run on HQ)
     */
    record Refused(String reason, String lead, List<String> hint) implements Verdict {
        public Refused {
            requireNonNull(reason, "reason is null");
            requireNonNull(lead, "lead is null");
            hint = List.copyOf(hint);
            if (hint.isEmpty()) {
                throw new IllegalArgumentException("a refusal says how to go on: give a hint");
            }
        }

        /** The one line a caller sees (without the {@code quarry: } prefix), the hint in {@code syntax}. */
        public String line(HintSyntax syntax) {
            return reason + "; " + lead + syntax.command(hint);
        }
    }
}
