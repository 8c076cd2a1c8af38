package dev.quarry.hq.release;

import dev.quarry.hq.state.StateCorruptException;
import dev.quarry.hq.state.StateKey;
import dev.quarry.hq.state.StateStore;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stack's settings made over SSH, which every next release snapshots: {@code stacks/<name>/env/KEY}
 * holds one environment value per file (merged over quarry.yml's env) and
 * {@code stacks/<name>/scale/NODE} one node scale per file (over quarry.yml's scale).
 */
public final class StackConfig {
    private final StateStore store;

    public StackConfig(StateStore store) {
        this.store = store;
    }

    public Map<String, String> env(String stack) {
        Map<String, String> env = new TreeMap<>();
        StateKey folder = StateKey.of("stacks", stack, "env");
        for (String name : store.children(folder)) {
            store.read(folder.child(name)).ifPresent(stored -> env.put(name, stored.text()));
        }
        return env;
    }

    public Map<String, Integer> scale(String stack) {
        Map<String, Integer> scale = new TreeMap<>();
        StateKey folder = StateKey.of("stacks", stack, "scale");
        for (String name : store.children(folder)) {
            store.read(folder.child(name)).ifPresent(stored -> scale.put(name, parseScale(folder.child(name),
                    stored.text())));
        }
        return scale;
    }

    /** Makes the stack's env exactly {@code env}: changed keys written, missing ones removed. */
    public void replaceEnv(String stack, Map<String, String> env) {
        replace(StateKey.of("stacks", stack, "env"), this.env(stack), env);
    }

    /** Makes the stack's scale overrides exactly {@code scale}. */
    public void replaceScale(String stack, Map<String, Integer> scale) {
        Map<String, String> current = new TreeMap<>();
        scale(stack).forEach((node, count) -> current.put(node, Integer.toString(count)));
        Map<String, String> wanted = new TreeMap<>();
        scale.forEach((node, count) -> wanted.put(node, Integer.toString(count)));
        replace(StateKey.of("stacks", stack, "scale"), current, wanted);
    }

    private void replace(StateKey folder, Map<String, String> current, Map<String, String> wanted) {
        wanted.forEach((name, value) -> {
            if (!value.equals(current.get(name))) {
                Values.put(store, folder.child(name), value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        current.keySet().stream().filter(name -> !wanted.containsKey(name))
                .forEach(name -> Values.remove(store, folder.child(name)));
    }

    private static int parseScale(StateKey key, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new StateCorruptException(key + ": holds \"" + text + "\", not a scale; set it again with scale");
        }
    }
}
