package dev.quarry.hq.release;

import static java.util.Objects.requireNonNull;

import dev.quarry.compiler.plan.Plan;
import java.util.List;

/** What came of asking for a release: made and launched, refused before anything was stored, or failed to launch. */
public sealed interface ReleaseOutcome {

    /** Release made and launched; it serves now. */
    record Made(Release release, Plan plan) implements ReleaseOutcome {
        public Made {
            requireNonNull(release, "release is null");
            requireNonNull(plan, "plan is null");
        }
    }

    /** quarry.yml is invalid; nothing was stored. Each problem is one line as users see it. */
    record Invalid(List<String> problems) implements ReleaseOutcome {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }

    /** The launch failed; the release is recorded as failed and the previous one keeps serving. */
    record Failed(Release release, String reason) implements ReleaseOutcome {
        public Failed {
            requireNonNull(release, "release is null");
            requireNonNull(reason, "reason is null");
        }
    }
}
