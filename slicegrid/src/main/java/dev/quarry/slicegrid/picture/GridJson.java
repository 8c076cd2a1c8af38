package dev.quarry.slicegrid.picture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.quarry.slicegrid.BlockLoad;
import dev.quarry.slicegrid.GridSnapshot;
import dev.quarry.slicegrid.model.Resources;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** The grid as JSON for programs: each server with capacity, used, free and its slices. */
public final class GridJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GridJson() {}

    record Amount(int memoryMiB, int cpuMillicores) {
        static Amount of(Resources resources) {
            return new Amount(resources.memoryMebibytes(), resources.cpuMillicores());
        }
    }

    record SliceView(String id, String node, Amount demand) {}

    record ServerView(String id, String state, List<String> tags, Amount capacity, Amount used, Amount free, List<SliceView> slices) {
        static ServerView of(BlockLoad load) {
            return new ServerView(load.block().id(), load.block().state().name().toLowerCase(Locale.ROOT),
                    load.block().tags().stream().sorted().toList(), Amount.of(load.block().capacity()),
                    Amount.of(load.used()), Amount.of(load.free()),
                    load.slices().stream().map(slice -> new SliceView(slice.id(), slice.node(), Amount.of(slice.demand()))).toList());
        }
    }

    record GridView(int servers, int slices, int pendingCreates, List<ServerView> blocks) {}

    public static String render(GridSnapshot snapshot) {
        GridView view = new GridView(snapshot.blocks().size(), snapshot.sliceCount(), snapshot.pendingCreates(),
                snapshot.blocks().stream().map(ServerView::of).toList());
        try {
            return MAPPER.writeValueAsString(view) + "\n";
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
