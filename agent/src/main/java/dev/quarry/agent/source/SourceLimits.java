package dev.quarry.agent.source;

/**
 * How much one release's source may hold.
 *
 * @param bytes the most content bytes
 * @param entries the most archive entries
 */
public record SourceLimits(long bytes, int entries) {
    public static final SourceLimits DEFAULT = new SourceLimits(4L * 1024 * 1024 * 1024, 500_000);

    public SourceLimits {
        if (bytes <= 0 || entries <= 0) {
            throw new IllegalArgumentException("source limits must be positive, got " + bytes + " bytes and "
                    + entries + " entries");
        }
    }
}
