package dev.quarry.hq.launch;

import static java.util.Objects.requireNonNull;

import dev.quarry.agent.client.AgentException;
import dev.quarry.agent.runtime.RuntimeFailure;
import dev.quarry.hq.grid.Grid;
import dev.quarry.hq.grid.GridListing;
import dev.quarry.hq.grid.Parallel;
import dev.quarry.hq.grid.RunningContainer;
import dev.quarry.hq.grid.ServerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Takes a destroyed stack off the grid: its routes leave the router first (so no request reaches a container
 * being stopped), then every container of it on every server that answers is removed at once (no drain: the
 * app is going) and its room freed, then each of those servers deletes the folders it keeps for the stack. A
 * server that does not answer is reported and skipped; HQ cleans it when it answers again
 * ({@code destroy.LeftoverCleaner}, with {@link #removeContainers} and {@link #removeFolders}).
 */
public final class StackTeardown {
    private final Grid grid;
    private final Routing routing;

    public StackTeardown(Grid grid, Routing routing) {
        this.grid = requireNonNull(grid, "grid is null");
        this.routing = requireNonNull(routing, "routing is null");
    }

    /** Removes the stack's routes, containers and folders; answers what was removed and what could not be. */
    public Teardown remove(String stack, Progress progress) {
        routing.drop(stack);
        GridListing listing = grid.list();
        Map<String, String> failed = new TreeMap<>();
        List<String> removed = removeContainers(listing.ofStack(stack), failed);
        Slices.freeStale(grid, stack, Set.of(), listing);
        if (!removed.isEmpty()) {
            progress.line("-----> removed " + removed.size() + (removed.size() == 1 ? " container: " : " containers: ")
                    + removed.stream().sorted().collect(Collectors.joining(", ")));
        }
        List<ServerSettings> answering = grid.servers().stream()
                .filter(server -> !listing.isUnknown(server.id()) && !failed.containsKey(server.id())).toList();
        Map<String, List<String>> folders = removeFolders(stack, answering, failed);
        Map<String, String> unreachable = new TreeMap<>(listing.unreachable());
        unreachable.putAll(failed);
        return new Teardown(removed, folders, unreachable);
    }

    /**
     * Asks each of {@code servers} to delete the folders it keeps for {@code stack} (which must have no
     * container there any more); answers the folders each deleted, and puts why a server did not into
     * {@code failed}.
     */
    public Map<String, List<String>> removeFolders(String stack, List<ServerSettings> servers,
            Map<String, String> failed) {
        List<Object> answers = Parallel.map(servers, server -> {
            try {
                return grid.agent(server).removeStack(stack).removed();
            } catch (AgentException | RuntimeFailure e) {
                return "cannot remove the folders of " + stack + ": " + e.getMessage();
            }
        });
        Map<String, List<String>> folders = new TreeMap<>();
        for (int index = 0; index < servers.size(); index++) {
            Object answer = answers.get(index);
            if (answer instanceof String reason) {
                failed.put(servers.get(index).id(), reason);
            } else {
                @SuppressWarnings("unchecked")
                List<String> names = (List<String>) answer;
                folders.put(servers.get(index).id(), names);
            }
        }
        return folders;
    }

    /**
     * Removes {@code containers} at once (stopped with the usual grace) and frees their room; answers the ids
     * removed, and puts why one could not be into {@code failed} by its server.
     */
    public List<String> removeContainers(List<RunningContainer> containers, Map<String, String> failed) {
        List<Optional<String>> outcomes = Parallel.map(containers, container -> Removal.removeOne(grid, container));
        List<String> removed = new ArrayList<>();
        for (int index = 0; index < containers.size(); index++) {
            String id = containers.get(index).id();
            Optional<String> reason = outcomes.get(index);
            if (reason.isPresent()) {
                failed.put(containers.get(index).server().id(), "cannot remove " + id + ": " + reason.get());
            } else {
                removed.add(id);
            }
        }
        return removed;
    }

    /**
     * What tearing a stack down did.
     *
     * @param containers the ids of the containers removed
     * @param folders the folders each server deleted, by server id
     * @param unreachable the servers where something may be left, with why
     */
    public record Teardown(List<String> containers, Map<String, List<String>> folders,
            Map<String, String> unreachable) {
        public Teardown {
            containers = List.copyOf(containers);
            folders = Map.copyOf(folders);
            unreachable = Map.copyOf(unreachable);
        }
    }
}
