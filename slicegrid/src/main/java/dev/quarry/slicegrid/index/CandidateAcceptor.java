package dev.quarry.slicegrid.index;

/** Says whether a candidate an index found (a block's slot, or a slice's number) may be taken. */
@FunctionalInterface
public interface CandidateAcceptor {
    CandidateAcceptor ANY = candidate -> true;

    boolean accepts(int candidate);
}
