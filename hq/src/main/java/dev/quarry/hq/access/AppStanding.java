package dev.quarry.hq.access;

import static java.util.Objects.requireNonNull;

/** Where an app stands for access: not there yet, there from before access was recorded, or recorded. */
public sealed interface AppStanding {

    /** No such app and no access record: a first push creates it, and its pusher becomes its developer. */
    record Unclaimed() implements AppStanding { }

    /** The app exists but has no access record (pushed before HQ recorded access): admins only until granted. */
    record Unrecorded() implements AppStanding { }

    /** The app's access record. */
    record Recorded(AppAccess access) implements AppStanding {
        public Recorded {
            requireNonNull(access, "access is null");
        }
    }
}
