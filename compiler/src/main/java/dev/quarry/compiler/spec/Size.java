package dev.quarry.compiler.spec;

/**
 * An amount of memory in bytes, written in quarry.yml as {@code 256M} or {@code 1G}.
 *
 * @param bytes the amount in bytes
 */
public record Size(long bytes) {

    public Size {
        if (bytes <= 0) {
            throw new IllegalArgumentException("a size must be positive, got " + bytes);
        }
    }

    public static Size mebibytes(long mebibytes) {
        return new Size(mebibytes * 1024 * 1024);
    }

    /** Whole mebibytes, rounded up: what slicegrid packs by. */
    public long mebibytes() {
        return (bytes + (1024 * 1024 - 1)) / (1024 * 1024);
    }

    @Override
    public String toString() {
        long gib = 1024L * 1024 * 1024;
        if (bytes % gib == 0) {
            return bytes / gib + "G";
        }
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + "M";
        }
        return bytes / 1024 + "K";
    }
}
