package dev.quarry.hq.etcd;

import static java.util.Objects.requireNonNull;

import dev.quarry.agent.files.FileMirror;
import dev.quarry.agent.files.MirroredPath;
import io.etcd.jetcd.ByteSequence;

/**
 * Files every server mirrors: HQ puts {@code NAME} under {@code /quarry/files/}, and each agent started with
 * {@code --etcd} writes it to its {@code files/NAME} (the agent's FileMirror), atomically.
 */
public final class EtcdFiles {
    /** The prefix agents mirror. */
    public static final String PREFIX = FileMirror.DEFAULT_PREFIX;

    private final EtcdConnection connection;

    public EtcdFiles(EtcdConnection connection) {
        this.connection = requireNonNull(connection, "connection is null");
    }

    /** The etcd the agents should watch. */
    public String endpoint() {
        return connection.endpoint();
    }

    /** Writes the file every server mirrors as {@code name} (plain names joined by {@code /}). */
    public void put(String name, byte[] content) {
        if (MirroredPath.of(name).isEmpty()) {
            throw new IllegalArgumentException("\"" + name + "\" is not a file name servers can mirror: use plain"
                    + " names joined by /, at most 8 deep");
        }
        connection.await(connection.client().getKVClient().put(EtcdConnection.bytes(PREFIX + name),
                ByteSequence.from(content)), "writing " + PREFIX + name);
    }
}
