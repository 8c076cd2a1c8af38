package dev.quarry.hq.state.etcd;

/**
 * What a migration copied, every key read back and found equal.
 *
 * @param keys how many keys
 * @param bytes their values' bytes together
 */
public record MigrationResult(int keys, long bytes) {
    public MigrationResult {
        if (keys < 0 || bytes < 0) {
            throw new IllegalArgumentException("counts are not negative, got " + keys + " keys, " + bytes + " bytes");
        }
    }

    /** {@code copied 12 keys (3456 bytes) and read every one back}. */
    public String describe() {
        return "copied " + keys + (keys == 1 ? " key" : " keys") + " (" + bytes + " bytes) and read every one back";
    }
}
