package dev.quarry.hq.destroy;

import static java.util.Objects.requireNonNull;

import dev.quarry.files.AtomicFiles;
import dev.quarry.hq.access.AccessStore;
import dev.quarry.hq.launch.Progress;
import dev.quarry.hq.launch.StackTeardown;
import dev.quarry.hq.release.Release;
import dev.quarry.hq.release.StackState;
import dev.quarry.hq.state.StateKey;
import dev.quarry.hq.state.StateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Destroys an app, in an order that can be run again when cut short: first the grid (routes, then containers,
 * then each server's folders of it), then its releases, the rest of its state and its stack record (until then
 * {@code apps} lists it), its access record, and last its folder in HQ's home (repository, source, build logs),
 * which alone lets {@code destroy} run again. Afterwards a push of the same name starts from release 1. The caller holds
 * the app's deploy lock.
 */
public final class Destroyer {
    private final StateStore store;
    private final StackState state;
    private final AccessStore access;
    private final Path stacks;
    private final Path temporary;
    private final Optional<StackTeardown> teardown;

    /**
     * @param stacks HQ's {@code stacks/} folder (each app's repository, source and build logs)
     * @param temporary where a folder being deleted is moved first
     * @param teardown the grid's, when HQ has one
     */
    public Destroyer(StateStore store, AccessStore access, Path stacks, Path temporary,
            Optional<StackTeardown> teardown) {
        this.store = requireNonNull(store, "store is null");
        this.state = new StackState(store);
        this.access = requireNonNull(access, "access is null");
        this.stacks = requireNonNull(stacks, "stacks is null");
        this.temporary = requireNonNull(temporary, "temporary is null");
        this.teardown = requireNonNull(teardown, "teardown is null");
    }

    /** Whether HQ keeps anything of the app: a stack record, a repository or an access record. */
    public boolean exists(String app) {
        return state.stack(app).isPresent() || Files.exists(stacks.resolve(app)) || access.app(app).isPresent()
                || !store.children(StateKey.of("stacks", app)).isEmpty();
    }

    /**
     * Destroys the app; answers the servers where something of it may be left, with why (recorded in
     * {@link Leftovers}, cleaned by {@link LeftoverCleaner} once they answer).
     */
    public Map<String, String> destroy(String app, Progress progress) {
        Map<String, String> unreachable = Map.of();
        if (teardown.isPresent()) {
            StackTeardown.Teardown done = teardown.get().remove(app, progress);
            done.folders().forEach((server, folders) -> {
                if (!folders.isEmpty()) {
                    progress.line("-----> " + server + ": removed " + String.join(", ", folders));
                }
            });
            unreachable = done.unreachable();
            if (!unreachable.isEmpty()) {
                new Leftovers(store).add(app, unreachable.keySet());
            }
        }
        List<Release> releases = state.releases(app);
        for (Release release : releases.reversed()) {
            state.delete(app, release.number());
        }
        StateTree.delete(store, StateKey.of("repositories", app), null, name -> false);
        StateTree.delete(store, StateKey.of("stacks", app), StateKey.of("stacks", app, "stack.json"),
                Destroyer::isHqFolderEntry);
        access.edit(app, current -> Optional.empty());
        deleteFolder(stacks.resolve(app));
        progress.line("-----> removed " + releases.size() + (releases.size() == 1 ? " release" : " releases")
                + ", the config, the repository and the access grants of " + app);
        return unreachable;
    }

    /** The entries of HQ's folder of a stack that are not state: its repository, source and builds. */
    private static boolean isHqFolderEntry(String name) {
        return name.equals("repo.git") || name.equals("src") || name.startsWith("src.") || name.equals("build");
    }

    private void deleteFolder(Path folder) {
        try {
            if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            AtomicFiles.createFolders(temporary);
            Path doomed = temporary.resolve("destroyed-" + folder.getFileName() + "-" + UUID.randomUUID());
            Files.move(folder, doomed, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.deleteTree(doomed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder + ": " + e.getMessage()
                    + "; check HQ's home and run destroy again", e);
        }
    }
}
