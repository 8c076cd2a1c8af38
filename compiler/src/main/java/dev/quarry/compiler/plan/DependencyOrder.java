package dev.quarry.compiler.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;
import java.util.Set;

/**
 * Orders names so that each comes after everything it depends on; among names that are ready at
 * the same time, file order wins. Dependencies outside the given names are taken as met.
 */
final class DependencyOrder {
    private DependencyOrder() {}

    static List<String> of(SequencedSet<String> names, Map<String, List<String>> depends) {
        List<String> ordered = new ArrayList<>(names.size());
        Set<String> placed = new LinkedHashSet<>();
        SequencedSet<String> waiting = new LinkedHashSet<>(names);
        while (!waiting.isEmpty()) {
            String ready = waiting.stream()
                    .filter(name -> depends.getOrDefault(name, List.of()).stream()
                            .allMatch(dependency -> placed.contains(dependency) || !names.contains(dependency)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("depends cycle among " + waiting));
            waiting.remove(ready);
            placed.add(ready);
            ordered.add(ready);
        }
        return ordered;
    }
}
