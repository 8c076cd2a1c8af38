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
 * @param buildKey what the build makes, named by its inputs (a SHA-256 of the source's commit and the build
 *     commands, 64 hex digits), or null: a release whose key this server built already, in any release of the
 *     stack, reuses that build instead of building again
 */
public record PrepareRequest(String stack, String node, int release, RuntimeKind kind, String image,
        String dockerfile, List<String> build, Map<String, String> env, String buildKey) {

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
        if (buildKey != null && !buildKey.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("buildKey must be 64 lowercase hex digits (a SHA-256), got "
                    + Quoted.of(buildKey));
        }
    }

    /** Without a build key: the build runs once for this release. */
    public PrepareRequest(String stack, String node, int release, RuntimeKind kind, String image, String dockerfile,
            List<String> build, Map<String, String> env) {
        this(stack, node, release, kind, image, dockerfile, build, env, null);
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
