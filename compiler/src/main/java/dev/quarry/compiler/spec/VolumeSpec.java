package dev.quarry.compiler.spec;

import static java.util.Objects.requireNonNull;

/**
 * A named volume mounted into a container, such as {@code pgdata:/var/lib/postgresql/data}.
 *
 * @param name the volume's name
 * @param path the absolute path inside the container
 * @param readOnly whether it is mounted read-only ({@code :ro})
 */
public record VolumeSpec(String name, String path, boolean readOnly) {
    public VolumeSpec {
        requireNonNull(name, "name is null");
        requireNonNull(path, "path is null");
    }

    @Override
    public String toString() {
        return name + ":" + path + (readOnly ? ":ro" : "");
    }
}
