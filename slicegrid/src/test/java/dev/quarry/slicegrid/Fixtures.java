package dev.quarry.slicegrid;

import dev.quarry.slicegrid.model.Block;
import dev.quarry.slicegrid.model.BlockState;
import dev.quarry.slicegrid.model.Resources;
import dev.quarry.slicegrid.model.Slice;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builders and recorders shared by slicegrid's tests. */
public final class Fixtures {
    public static final Resources SERVER = new Resources(8192, 4000);

    private Fixtures() {}

    public static Block block(String id, int memory, int cpu, String... tags) {
        return new Block(id, new Resources(memory, cpu), Set.of(tags), BlockState.READY);
    }

    public static Slice slice(String id, int memory, int cpu, String... tags) {
        return new Slice(id, id, new Resources(memory, cpu), Set.of(tags));
    }

    public static Slice replica(String node, int index, int memory, int cpu) {
        return new Slice(node + "." + index, node, new Resources(memory, cpu), Set.of());
    }

    /** A listener that keeps every event, in order. */
    public static final class Recorder implements GridListener {
        public final List<GridEvent> events = new ArrayList<>();

        @Override
        public void on(GridEvent event) {
            events.add(event);
        }

        public <T extends GridEvent> List<T> of(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }

        public void clear() {
            events.clear();
        }
    }
}
