package dev.quarry.agent.client;

/** What the client does with an agent whose host key is not in its known_hosts file yet. */
public enum HostKeyPolicy {
    /** Refuse it: the key must be in known_hosts already (a changed key is always refused). */
    KNOWN_ONLY,
    /**
     * Accept it and add it to known_hosts, trusting the first connection (fit for local servers, whose
     * agents HQ started itself on loopback); a key that later changes is refused.
     */
    TRUST_FIRST_USE
}
