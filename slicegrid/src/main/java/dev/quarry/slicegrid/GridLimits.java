package dev.quarry.slicegrid;

/** Keeps a grid between its {@code min} and {@code max}, counting blocks asked for but not yet added. */
final class GridLimits {
    private final GridOptions options;
    private int pending;

    GridLimits(GridOptions options) {
        this.options = options;
    }

    boolean mayCreate(int blocks) {
        return (long) blocks + pending < options.max();
    }

    void requested() {
        pending++;
    }

    /** A requested block arrived, or will never arrive. */
    void created() {
        if (pending > 0) {
            pending--;
        }
    }

    void restorePending(int count) {
        pending = count;
    }

    int pending() {
        return pending;
    }

    void checkRoomFor(int blocks) {
        if (blocks >= options.max()) {
            throw new IllegalStateException("the grid already has its maximum of " + options.max() + " servers");
        }
    }

    String fullNote() {
        String note = "the grid has reached its maximum of " + options.max() + (options.max() == 1 ? " server" : " servers");
        return pending == 0 ? note : note + " (" + pending + " being created)";
    }
}
