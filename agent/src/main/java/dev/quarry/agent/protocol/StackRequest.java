package dev.quarry.agent.protocol;

import dev.quarry.agent.runtime.Quoted;
import dev.quarry.compiler.read.Names;

/**
 * Names a stack (clear-cache, remove-stack).
 *
 * @param stack the stack
 */
public record StackRequest(String stack) {
    public StackRequest {
        if (!Names.isName(stack)) {
            throw new IllegalArgumentException("stack must be " + Names.NAME_RULE + ", got " + Quoted.of(stack));
        }
    }
}
