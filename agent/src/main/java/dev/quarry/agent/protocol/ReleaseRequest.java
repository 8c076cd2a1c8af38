package dev.quarry.agent.protocol;

import dev.quarry.agent.runtime.Quoted;
import dev.quarry.compiler.read.Names;

/**
 * Names one release of a stack (remove-release).
 *
 * @param stack the stack
 * @param release the release, from 1
 */
public record ReleaseRequest(String stack, int release) {
    public ReleaseRequest {
        if (!Names.isName(stack)) {
            throw new IllegalArgumentException("stack must be " + Names.NAME_RULE + ", got " + Quoted.of(stack));
        }
        if (release < 1) {
            throw new IllegalArgumentException("release must be 1 or more, got " + release);
        }
    }
}
