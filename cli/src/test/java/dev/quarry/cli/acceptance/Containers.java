package dev.quarry.cli.acceptance;

import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.Commands;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Leftover Docker containers of a stack a test made, removed by id (quarry up's SIGTERM should leave none). */
final class Containers {
    private Containers() {}

    static void removeStack(String stack) {
        CommandResult ids = Commands.run(List.of("docker", "ps", "-aq", "--filter", "label=dev.quarry.stack=" + stack),
                Path.of("/"), Map.of());
        List<String> remove = new ArrayList<>(List.of("docker", "rm", "-f"));
        ids.stdout().lines().map(String::strip).filter(id -> !id.isEmpty()).forEach(remove::add);
        if (remove.size() > 3) {
            Commands.run(remove, Path.of("/"), Map.of());
        }
    }
}
