package dev.quarry.hq.release;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.quarry.compiler.plan.Plan;
import dev.quarry.compiler.plan.PlanJson;
import dev.quarry.hq.state.JsonValues;
import dev.quarry.hq.state.StateCorruptException;
import dev.quarry.hq.state.StateKey;
import dev.quarry.hq.state.StateStore;
import dev.quarry.hq.state.Versioned;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Stacks and their releases in the state store: {@code stacks/<name>/stack.json} and
 * {@code stacks/<name>/releases/<n>/} with release.json (written last: a release without it is
 * incomplete and not listed), quarry.yml, plan.json and env.json.
 */
public final class StackState {
    private static final String RELEASE_FILE = "release.json";

    private final StateStore store;

    public StackState(StateStore store) {
        this.store = store;
    }

    /** The state store the stacks are kept in (what else a stack keeps there, such as services' published env). */
    public StateStore store() {
        return store;
    }

    /**
     * Names of the stacks that have a stack record, sorted; one whose record is torn is named too (reading
     * it with {@link #stack} says why), so one broken stack never hides the others.
     */
    public List<String> names() {
        return store.children(StateKey.of("stacks")).stream().filter(this::hasRecord).toList();
    }

    private boolean hasRecord(String name) {
        try {
            return store.read(stackKey(name)).isPresent();
        } catch (StateCorruptException e) {
            return true;
        }
    }

    public Optional<Stored<StackRecord>> stack(String name) {
        StateKey key = stackKey(name);
        return store.read(key).map(stored -> new Stored<>(JsonValues.read(key, stored, StackRecord.class),
                stored.revision()));
    }

    /** Writes the stack record over the revision it was read at ({@link StateStore#ABSENT} for a new stack). */
    public Stored<StackRecord> saveStack(StackRecord stack, long revision) {
        return new Stored<>(stack, store.write(stackKey(stack.name()), revision, JsonValues.write(stack)));
    }

    /** Records a release's files, release.json last. */
    public void record(String name, Release release, byte[] quarryFile, Plan plan, Map<String, String> env) {
        StateKey folder = releaseFolder(name, release.number());
        Values.put(store, folder.child("quarry.yml"), quarryFile);
        Values.put(store, folder.child("env.json"), JsonValues.write(new TreeMap<>(env)));
        Values.put(store, folder.child("plan.json"), PlanJson.render(plan).getBytes(StandardCharsets.UTF_8));
        Values.put(store, folder.child(RELEASE_FILE), JsonValues.write(release));
    }

    /** Rewrites release.json, such as with a new status. */
    public void update(String name, Release release) {
        Values.put(store, releaseFolder(name, release.number()).child(RELEASE_FILE), JsonValues.write(release));
    }

    public Optional<Release> release(String name, int number) {
        StateKey key = releaseFolder(name, number).child(RELEASE_FILE);
        return store.read(key).map(stored -> JsonValues.read(key, stored, Release.class));
    }

    /** The complete releases still kept, oldest first. */
    public List<Release> releases(String name) {
        return store.children(StateKey.of("stacks", name, "releases")).stream()
                .filter(number -> number.matches("[1-9][0-9]{0,9}"))
                .map(number -> release(name, Integer.parseInt(number)))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(Release::number))
                .toList();
    }

    public byte[] quarryFile(String name, int number) {
        return required(releaseFolder(name, number).child("quarry.yml")).value();
    }

    public Map<String, String> env(String name, int number) {
        StateKey key = releaseFolder(name, number).child("env.json");
        return new TreeMap<>(JsonValues.read(key, required(key), ENV_TYPE));
    }

    public Plan plan(String name, int number) {
        StateKey key = releaseFolder(name, number).child("plan.json");
        try {
            return PlanJson.read(required(key).text());
        } catch (IOException e) {
            throw new StateCorruptException(key + ": not a valid plan (" + e.getMessage().lines().findFirst().orElse("")
                    + "); restore it from a backup or delete the release");
        }
    }

    /** Removes a release's files, release.json first so a half-removed release is never listed. */
    public void delete(String name, int number) {
        StateKey folder = releaseFolder(name, number);
        Values.remove(store, folder.child(RELEASE_FILE));
        for (String file : store.children(folder)) {
            Values.remove(store, folder.child(file));
        }
    }

    private Versioned required(StateKey key) {
        return store.read(key).orElseThrow(() -> new StateCorruptException(key
                + ": missing although its release.json exists; restore it from a backup or delete the release"));
    }

    private static StateKey stackKey(String name) {
        return StateKey.of("stacks", name, "stack.json");
    }

    private static StateKey releaseFolder(String name, int number) {
        return StateKey.of("stacks", name, "releases", Integer.toString(number));
    }

    private static final TypeReference<Map<String, String>> ENV_TYPE = new TypeReference<>() { };
}
