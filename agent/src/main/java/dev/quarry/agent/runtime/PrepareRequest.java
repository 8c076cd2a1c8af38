package dev.quarry.agent.runtime;

import dev.quarry.compiler.read.Names;
import dev.quarry.compiler.spec.RuntimeKind;
import java.util.List;
import java.util.Map;

/**
 * Readies a node's release before its first container starts: runs its build commands (process),
 * or builds its image from the Dockerfile or pulls its image (docker). Done once per release.
 *
 * @param stack the stack's name
 * @param node the node's name
 * @param release the release, from 1
 * @param kind docker or process; null means docker when image or dockerfile is set
 * @param image the image to pull when absent, or null
 * @param dockerfile the Dockerfile relative to the release's source, or null
 * @param build the build commands (process)
 * @param env the environment the build commands run with
 */
public record PrepareRequest(String stack, String node, int release, RuntimeKind kind, String image,
        String dockerfile, List<String> build, Map<String, String> env) {

    public PrepareRequest {
        if (!Names.isName(stack) || !Names.isName(node)) {
            throw new IllegalArgumentException("stack and node must each be " + Names.NAME_RULE + ", got "
                    + Quoted.of(stack) + " and " + Quoted.of(node));
        }
        if (release < 1) {
            throw new IllegalArgumentException("release must be 1 or more, got " + release);
        }
        kind = kind != null ? kind : (image != null || dockerfile != null ? RuntimeKind.DOCKER : RuntimeKind.PROCESS);
        build = build == null ? List.of() : List.copyOf(build);
        env = RequestChecks.environment(env);
    }

    /** What a container request needs prepared. */
    public static PrepareRequest of(ContainerRequest request) {
        return new PrepareRequest(request.stack(), request.node(), request.release(), request.kind(), request.image(),
                request.dockerfile(), request.build(), request.env());
    }

    /** {@code stack/node release N}, for messages. */
    public String describe() {
        return stack + "/" + node + " release " + release;
    }
}
