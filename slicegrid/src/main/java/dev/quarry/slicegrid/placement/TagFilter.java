package dev.quarry.slicegrid.placement;

import dev.quarry.slicegrid.model.Slice;
import java.util.Set;
import java.util.TreeSet;

/** A slice that requires tags only goes to blocks carrying every one of them. */
public final class TagFilter implements Filter {
    @Override
    public Verdict check(Slice slice, Occupancy occupancy, int slot) {
        Set<String> tags = occupancy.block(slot).tags();
        if (tags.containsAll(slice.requiredTags())) {
            return Verdict.FITS;
        }
        Set<String> missing = new TreeSet<>(slice.requiredTags());
        missing.removeAll(tags);
        String list = String.join(", ", missing);
        String id = occupancy.block(slot).id();
        return new Verdict.Rejected((missing.size() == 1 ? "lack tag " : "lack tags ") + list,
                "needs tag" + (missing.size() == 1 ? " " : "s ") + list + ", server " + id + " lacks " + (missing.size() == 1 ? "it" : "them"));
    }
}
