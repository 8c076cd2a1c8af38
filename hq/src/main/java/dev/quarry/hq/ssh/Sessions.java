package dev.quarry.hq.ssh;

import org.apache.sshd.common.AttributeRepository.AttributeKey;

/** What HQ remembers on an SSH session. */
final class Sessions {
    /** The user, named after the key file under keys/ that authenticated the session. */
    static final AttributeKey<String> USER = new AttributeKey<>();
    /** Why every command on the session is refused (it asked for port forwarding), if it is. */
    static final AttributeKey<String> REFUSAL = new AttributeKey<>();

    private Sessions() {}
}
