package dev.quarry.hq.release;

/** How far a release got. */
public enum ReleaseStatus {
    /** Recorded; its launch has not finished (or HQ stopped during it). */
    RECORDED,
    /** Its launch succeeded; it served, and may still. */
    DEPLOYED,
    /** Its launch failed; the release before it kept serving. */
    FAILED
}
