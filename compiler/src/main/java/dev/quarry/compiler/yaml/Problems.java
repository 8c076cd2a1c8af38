package dev.quarry.compiler.yaml;

import dev.quarry.compiler.Problem;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one file, each at the line and column of the YAML that caused it. */
public final class Problems {
    private final String file;
    private final List<Problem> found = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    public void at(Node node, String path, String message) {
        at(node.getStartMark(), path, message);
    }

    public void at(Mark mark, String path, String message) {
        int line = mark == null ? 1 : mark.getLine() + 1;
        int column = mark == null ? 1 : mark.getColumn() + 1;
        found.add(new Problem(file, line, column, path, message));
    }

    /** A problem with the whole document, reported at its start. */
    public void atStart(String path, String message) {
        found.add(new Problem(file, 1, 1, path, message));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<Problem> list() {
        return List.copyOf(found);
    }
}
