package dev.quarry.hq.dashboard.pages;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The last lines of each of an app's containers. */
public record LogTail(String app, List<ContainerLog> containers) {
    public LogTail {
        requireNonNull(app, "app is null");
        containers = List.copyOf(containers);
    }

    /** One container's last lines (or why there are none). */
    public record ContainerLog(String container, String server, List<String> lines) {
        public ContainerLog {
            requireNonNull(container, "container is null");
            requireNonNull(server, "server is null");
            lines = List.copyOf(lines);
        }
    }
}
