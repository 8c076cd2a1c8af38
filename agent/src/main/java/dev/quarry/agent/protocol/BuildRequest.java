package dev.quarry.agent.protocol;

import dev.quarry.agent.runtime.Quoted;
import dev.quarry.compiler.read.Names;

/**
 * Names one build of a stack by its key (has-build, and the words of send-build and receive-build).
 *
 * @param stack the stack
 * @param key the build key: 64 lowercase hex digits (a SHA-256 of what went into the build)
 */
public record BuildRequest(String stack, String key) {
    public BuildRequest {
        if (!Names.isName(stack)) {
            throw new IllegalArgumentException("stack must be " + Names.NAME_RULE + ", got " + Quoted.of(stack));
        }
        if (key == null || !key.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("key must be 64 lowercase hex digits (a SHA-256), got "
                    + Quoted.of(key));
        }
    }
}
