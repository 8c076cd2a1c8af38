package dev.quarry.hq.ssh;

import org.apache.sshd.common.AttributeRepository.AttributeKey;

/** What HQ remembers on an SSH session. */
final class Sessions {
    /** The user, named after the key file under keys/ that authenticated the session. */
    static final AttributeKey<String> USER = new AttributeKey<>();

    private Sessions() {}
}
