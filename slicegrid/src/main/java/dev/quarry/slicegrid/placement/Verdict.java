package dev.quarry.slicegrid.placement;

import static java.util.Objects.requireNonNull;

/** A filter's answer for one block: it fits, or it does not and here is why. */
public sealed interface Verdict permits Verdict.Fits, Verdict.Rejected {
    Verdict FITS = new Fits();

    boolean fits();

    /** The block can take the slice as far as this filter is concerned. */
    record Fits() implements Verdict {
        @Override
        public boolean fits() {
            return true;
        }
    }

    /**
     * The block cannot take the slice.
     *
     * @param reason the short reason refusals count, such as {@code short of memory} or {@code lack tag ssd}
     * @param detail the whole sentence, such as {@code needs 512 MiB, server s3 has 200 MiB free}
     */
    record Rejected(String reason, String detail) implements Verdict {
        public Rejected {
            requireNonNull(reason, "reason is null");
            requireNonNull(detail, "detail is null");
        }

        @Override
        public boolean fits() {
            return false;
        }
    }
}
