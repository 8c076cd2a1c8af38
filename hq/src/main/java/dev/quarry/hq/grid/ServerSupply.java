package dev.quarry.hq.grid;

import static java.util.Objects.requireNonNull;

/**
 * Where the grid's servers come from and go back to: HQ's own in-process agents ({@code embedded}) or a
 * pacific provider ({@code local}, {@code digitalocean}). HQ chooses one in one place (HqGrid).
 *
 * @param name what {@code quarry servers} and the logs call it
 * @param starter adds a server when the grid is full
 * @param remover gives one back when it is empty and the grid is above its minimum
 */
public record ServerSupply(String name, ServerStarter starter, ServerRemover remover) {
    public ServerSupply {
        requireNonNull(name, "name is null");
        requireNonNull(starter, "starter is null");
        requireNonNull(remover, "remover is null");
    }
}
