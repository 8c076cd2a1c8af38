package dev.quarry.hq.leader;

/** The only HQ of a home (the file store allows one): always the leader. */
public final class SoleLeadership implements Leadership {
    @Override
    public boolean isLeader() {
        return true;
    }
}
