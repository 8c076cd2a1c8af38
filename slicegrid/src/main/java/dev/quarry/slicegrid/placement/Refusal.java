package dev.quarry.slicegrid.placement;

import static java.util.Objects.requireNonNull;

import dev.quarry.slicegrid.model.Slice;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Why no block took a slice, counted by reason: {@code 0 of 12 servers fit: 9 short of memory, 3 lack tag ssd}.
 *
 * @param servers how many servers were asked
 * @param reasons how many servers gave each reason, most common first
 * @param note what else stopped the grid, such as reaching its maximum size; empty when nothing
 */
public record Refusal(int servers, Map<String, Integer> reasons, String note) {

    public Refusal {
        requireNonNull(reasons, "reasons is null");
        requireNonNull(note, "note is null");
        reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
    }

    /** Asks every block why it cannot take the slice. */
    public static Refusal explain(Slice slice, Occupancy occupancy, FilterChain filters, String note) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int slot = 0; slot < occupancy.slotLimit(); slot++) {
            if (occupancy.isUsed(slot) && filters.check(slice, occupancy, slot) instanceof Verdict.Rejected rejected) {
                counts.merge(rejected.reason(), 1, Integer::sum);
            }
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return new Refusal(occupancy.blockCount(), sorted, note);
    }

    /** One line for the user. */
    public String message() {
        StringJoiner reasonList = new StringJoiner(", ");
        reasons.forEach((reason, count) -> reasonList.add(count + " " + reason));
        String line = "0 of " + servers + (servers == 1 ? " server fits" : " servers fit");
        if (!reasons.isEmpty()) {
            line += ": " + reasonList;
        }
        return note.isEmpty() ? line : line + "; " + note;
    }
}
