package dev.quarry.hq.access;

/** Whether an app exists on this HQ (a stack record, or a repository a push stored). */
@FunctionalInterface
public interface AppPresence {
    boolean exists(String app);
}
