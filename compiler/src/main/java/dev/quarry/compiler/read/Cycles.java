package dev.quarry.compiler.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Finds the cycles of a depends graph, each once, starting from its first member in file order. */
final class Cycles {
    private final Map<String, List<String>> graph;
    private final Set<String> done = new HashSet<>();
    private final List<String> stack = new ArrayList<>();
    private final Set<Set<String>> seen = new HashSet<>();
    private final List<List<String>> cycles = new ArrayList<>();

    private Cycles(Map<String, List<String>> graph) {
        this.graph = graph;
    }

    /** Every cycle as a path that ends where it starts, such as [web, api, web]. */
    static List<List<String>> find(Map<String, List<String>> graph) {
        Cycles search = new Cycles(graph);
        graph.keySet().forEach(search::visit);
        return search.cycles;
    }

    private void visit(String name) {
        if (done.contains(name)) {
            return;
        }
        int onStack = stack.indexOf(name);
        if (onStack >= 0) {
            List<String> cycle = new ArrayList<>(stack.subList(onStack, stack.size()));
            if (seen.add(new TreeSet<>(cycle))) {
                cycle.add(name);
                cycles.add(cycle);
            }
            return;
        }
        stack.add(name);
        graph.getOrDefault(name, List.of()).forEach(this::visit);
        stack.remove(stack.size() - 1);
        done.add(name);
    }
}
