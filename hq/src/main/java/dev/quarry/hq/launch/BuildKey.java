package dev.quarry.hq.launch;

import dev.quarry.compiler.spec.RuntimeKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * What a node's build makes, named by what goes into it: a SHA-256 of the source folder's name (which is
 * {@code src.COMMIT}, one per commit) and the build commands. Releases of the same commit and commands (a
 * {@code config set}, {@code scale}, {@code rollback}) and nodes declaring the same build share one key, so a
 * server builds it once and reuses it.
 */
final class BuildKey {
    private BuildKey() {}

    /**
     * The key, or null for a node without build commands or not of the process runtime. With
     * {@code BUILD_CACHE=off} in its env the key is the release's own: its nodes still share one build, but every
     * release builds (from an emptied HOME, the agent's part).
     */
    static String of(ContainerPlan plan, Path source, Map<String, String> env) {
        if (plan.kind() != RuntimeKind.PROCESS || plan.build().isEmpty()) {
            return null;
        }
        StringBuilder input = new StringBuilder("quarry-build 1\n").append(source.getFileName()).append('\n');
        if ("off".equals(env.get("BUILD_CACHE"))) {
            input.append("release ").append(plan.id().release()).append('\n');
        }
        plan.build().forEach(command -> input.append(command.length()).append(':').append(command).append('\n'));
        try {
            byte[] bytes = input.toString().getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
