package dev.quarry.hq.release;

import dev.quarry.compiler.ParseResult;
import dev.quarry.compiler.QuarryFile;
import dev.quarry.compiler.plan.Stack;
import dev.quarry.compiler.spec.StackSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** quarry.yml plus the settings made over SSH: the spec a release actually runs. */
public final class StackSpecs {
    private StackSpecs() {}

    /** Parses a quarry.yml as the named stack's: its name: may only be the stack's own. */
    public static ParseResult parse(byte[] quarryFile, String stack) {
        return QuarryFile.parseForApp(QuarryFile.NAME, quarryFile, stack);
    }

    /**
     * The spec with {@code env} ({@code config set}) merged over quarry.yml's stack env and over every node's own
     * env, so it wins over both (services keep their own env: a config change does not restart a database), and
     * scale overrides of the nodes it has.
     */
    public static StackSpec configured(StackSpec spec, Map<String, String> env, Map<String, Integer> scale) {
        Map<String, String> merged = new LinkedHashMap<>(spec.env());
        merged.putAll(env);
        StackSpec configured = ConfigPrecedence.overNodes(spec.withEnv(merged), env);
        for (Map.Entry<String, Integer> override : scale.entrySet()) {
            if (configured.node(override.getKey()).isPresent()) {
                configured = configured.withScale(override.getKey(), override.getValue());
            }
        }
        return configured;
    }

    /** The compiled form of a stored release, or empty when its quarry.yml no longer reads. */
    public static Optional<Stack> rebuild(StackState state, String stack, Release release) {
        ParseResult result = parse(state.quarryFile(stack, release.number()), stack);
        if (!(result instanceof ParseResult.Parsed parsed)) {
            return Optional.empty();
        }
        StackSpec spec = configured(parsed.spec(), state.env(stack, release.number()), release.scale());
        return Optional.of(new Stack(spec, release.number(), release.commit()));
    }
}
