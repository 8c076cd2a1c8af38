package dev.quarry.hq.dashboard.pages;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One server of the grid, as a column filled by its containers.
 *
 * @param id its id
 * @param host its address
 * @param provider where it comes from ({@code embedded}, {@code local}, {@code digitalocean})
 * @param hourlyPrice US dollars an hour, such as {@code 0.018}
 * @param state its liveness ({@code up}, {@code down}...)
 * @param memoryMebibytes its memory
 * @param cpuMillicores its cpu
 * @param blocks its containers, each with its room
 */
public record ServerColumn(String id, String host, String provider, String hourlyPrice, String state,
        int memoryMebibytes, int cpuMillicores, List<GridBlock> blocks) {
    public ServerColumn {
        requireNonNull(id, "id is null");
        requireNonNull(host, "host is null");
        requireNonNull(provider, "provider is null");
        requireNonNull(hourlyPrice, "hourlyPrice is null");
        requireNonNull(state, "state is null");
        blocks = List.copyOf(blocks);
    }

    public int usedMemory() {
        return blocks.stream().mapToInt(GridBlock::memoryMebibytes).sum();
    }

    public int usedCpu() {
        return blocks.stream().mapToInt(GridBlock::cpuMillicores).sum();
    }
}
