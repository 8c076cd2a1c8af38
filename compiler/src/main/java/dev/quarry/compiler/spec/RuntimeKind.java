package dev.quarry.compiler.spec;

/** How a container runs: as a Docker container or as plain processes. */
public enum RuntimeKind {
    DOCKER,
    PROCESS
}
