package dev.quarry.agent.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds the controllers of a cgroup v2 hierarchy and makes the agent's cgroup with them enabled below it. */
final class CgroupsV2 {
    private CgroupsV2() {}

    static Cgroups detect(Path root, String name) {
        Map<String, Path> groups = new LinkedHashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        try {
            List<String> available = List.of(Files.readString(root.resolve("cgroup.controllers"),
                    StandardCharsets.US_ASCII).strip().split("\\s+"));
            List<String> wanted = Cgroups.CONTROLLERS.stream().filter(available::contains).toList();
            String enable = String.join(" ", wanted.stream().map(controller -> "+" + controller).toList());
            if (!wanted.isEmpty()) {
                Cgroups.write(root.resolve("cgroup.subtree_control"), enable);
            }
            Path group = Files.createDirectories(root.resolve(name));
            if (!wanted.isEmpty()) {
                Cgroups.write(group.resolve("cgroup.subtree_control"), enable);
            }
            for (String controller : Cgroups.CONTROLLERS) {
                if (wanted.contains(controller)) {
                    groups.put(controller, group);
                } else {
                    missing.put(controller, "the cgroup " + controller + " controller is not available at " + root);
                }
            }
        } catch (IOException | RuntimeException e) {
            for (String controller : Cgroups.CONTROLLERS) {
                missing.put(controller, "cannot make a cgroup under " + root + " (" + e.getMessage()
                        + "); run the agent as root or in a delegated cgroup");
            }
            groups.clear();
        }
        return Cgroups.of(true, groups, missing);
    }
}
