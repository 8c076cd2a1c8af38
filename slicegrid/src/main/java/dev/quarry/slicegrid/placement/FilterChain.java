package dev.quarry.slicegrid.placement;

import dev.quarry.slicegrid.model.Slice;
import java.util.List;
import java.util.stream.Stream;

/**
 * The filters a block must pass, asked in order; the first rejection is the block's reason.
 *
 * @param filters the filters in the order they are asked
 */
public record FilterChain(List<Filter> filters) {
    /** State, tags, memory, cpu: the rules every placement keeps. */
    public static final FilterChain REQUIRED =
            new FilterChain(List.of(new StateFilter(), new TagFilter(), new MemoryFilter(), new CpuFilter()));
    /** The required rules plus keeping replicas of one node apart. */
    public static final FilterChain SPREAD = REQUIRED.and(new SpreadFilter());

    public FilterChain {
        filters = List.copyOf(filters);
    }

    public FilterChain and(Filter filter) {
        return new FilterChain(Stream.concat(filters.stream(), Stream.of(filter)).toList());
    }

    public Verdict check(Slice slice, Occupancy occupancy, int slot) {
        for (int index = 0; index < filters.size(); index++) {
            Verdict verdict = filters.get(index).check(slice, occupancy, slot);
            if (!verdict.fits()) {
                return verdict;
            }
        }
        return Verdict.FITS;
    }

    public boolean admits(Slice slice, Occupancy occupancy, int slot) {
        return check(slice, occupancy, slot).fits();
    }
}
