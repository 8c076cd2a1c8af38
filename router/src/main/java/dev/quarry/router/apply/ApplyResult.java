package dev.quarry.router.apply;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** What applying a change gave: live and reloaded, or refused with the live configuration untouched. */
public sealed interface ApplyResult {

    /**
     * The change is live: nginx reloaded and serves it.
     *
     * @param generation the configuration's number
     * @param validate how long {@code nginx -t} took
     * @param reload from the swap until nginx served the new generation
     * @param took the whole change: render, stage, validate, swap and reload
     */
    record Applied(long generation, Duration validate, Duration reload, Duration took) implements ApplyResult {
        public Applied {
            requireNonNull(validate, "validate is null");
            requireNonNull(reload, "reload is null");
            requireNonNull(took, "took is null");
        }
    }

    /**
     * The change was refused; nothing live changed.
     *
     * @param stack the stack whose change was refused
     * @param reason one line: the nginx error line, the template problem or the domain conflict
     */
    record Refused(String stack, String reason) implements ApplyResult {
        public Refused {
            requireNonNull(stack, "stack is null");
            requireNonNull(reason, "reason is null");
        }
    }
}
