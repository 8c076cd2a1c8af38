package dev.quarry.agent.verbs;

import dev.quarry.agent.home.AgentHome;
import dev.quarry.agent.runtime.RuntimeFailure;
import dev.quarry.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes what the agent keeps for a stack that was destroyed: each of its folders is first renamed aside
 * (so a half-deleted folder is never taken for a stack's), then deleted without following links (a HOME is
 * the app's, and may hold links to anywhere).
 */
final class StackFolders {
    private StackFolders() {}

    /** Deletes the stack's folders; answers those that existed, relative to the home, sorted. */
    static List<String> remove(AgentHome home, String stack) {
        List<String> removed = new ArrayList<>();
        for (Path folder : home.stackFolders(stack)) {
            if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                Path doomed = folder.resolveSibling(".removing-" + stack + "-" + System.nanoTime());
                Files.move(folder, doomed, StandardCopyOption.ATOMIC_MOVE);
                AtomicFiles.deleteTree(doomed);
            } catch (IOException e) {
                throw new RuntimeFailure("cannot remove " + folder + " of " + stack + ": " + RuntimeFailure.firstLine(e)
                        + "; check the agent's home", e);
            }
            removed.add(home.root().relativize(folder).toString());
        }
        return removed.stream().sorted().toList();
    }
}
