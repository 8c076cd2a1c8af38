package dev.quarry.slicegrid;

/** Hears what the grid did; HQ starts and stops containers and asks pacific for servers in response. */
@FunctionalInterface
public interface GridListener {
    void on(GridEvent event);
}
