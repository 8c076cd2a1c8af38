package dev.quarry.hq.dashboard.pages;

import static java.util.Objects.requireNonNull;

/** One container's room on a server: what it reserves and the state its agent reports ({@code ?} when unknown). */
public record GridBlock(String container, String app, int memoryMebibytes, int cpuMillicores, String state) {
    public GridBlock {
        requireNonNull(container, "container is null");
        requireNonNull(app, "app is null");
        requireNonNull(state, "state is null");
    }
}
