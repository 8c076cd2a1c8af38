package dev.quarry.agent.source;

import static java.util.Objects.requireNonNull;

/**
 * What receive-source answers.
 *
 * @param stack the stack
 * @param release the release
 * @param files how many files the archive held (0 when the release was already present)
 * @param bytes how many content bytes
 * @param alreadyPresent true when this server had the release already and kept it as it was
 */
public record ReceivedSource(String stack, int release, int files, long bytes, boolean alreadyPresent) {
    public ReceivedSource {
        requireNonNull(stack, "stack is null");
    }
}
