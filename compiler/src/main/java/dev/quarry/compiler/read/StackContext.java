package dev.quarry.compiler.read;

import dev.quarry.compiler.yaml.Problems;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * What the readers of one stack share: the problems, the names declared in the file, which node
 * owns each domain, and the dependency graph (for cycle checks).
 */
final class StackContext {
    final Problems problems;
    final Set<String> serviceNames;
    final Set<String> nodeNames;
    final Map<String, String> domainOwners = new HashMap<>();
    final Map<String, String> publishedBy = new HashMap<>();
    final Map<String, List<String>> dependsOf = new LinkedHashMap<>();
    final Map<String, Node> dependsNode = new HashMap<>();
    final Map<String, String> dependsPath = new HashMap<>();

    StackContext(Problems problems, Set<String> serviceNames, Set<String> nodeNames) {
        this.problems = problems;
        this.serviceNames = serviceNames;
        this.nodeNames = nodeNames;
    }
}
