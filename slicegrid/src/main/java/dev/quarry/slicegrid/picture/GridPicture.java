package dev.quarry.slicegrid.picture;

import dev.quarry.slicegrid.GridSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a grid as the design notes do: each server a column, filled with {@code #} from the bottom by how
 * much memory (left half) and cpu (right half) its slices use, with its id and used/free under it. Columns
 * wrap into rows to fit the width.
 *
 * <pre>
 *  ------   ------
 *  |    |   |    |
 *  |## #|   |    |
 *  |####|   |# ##|
 *  ------   ------
 *  s1       s2
 *  m 6G/2G  m 1G/7G
 *  c 3.0/1  c 2.5/1.5
 * </pre>
 */
public final class GridPicture {
    private static final int HEIGHT = 6;
    private static final String GAP = "  ";

    private GridPicture() {}

    public static String render(GridSnapshot snapshot, int width) {
        if (snapshot.blocks().isEmpty()) {
            return "the grid has no servers\n";
        }
        List<ServerColumn> columns = snapshot.blocks().stream().map(ServerColumn::of).toList();
        int columnWidth = columns.stream().mapToInt(ServerColumn::width).max().orElse(ServerColumn.BOX_WIDTH);
        int perRow = Math.max(1, (width + GAP.length()) / (columnWidth + GAP.length()));
        StringBuilder picture = new StringBuilder();
        for (String line : wrapped(summary(snapshot), width)) {
            picture.append(line).append('\n');
        }
        for (int start = 0; start < columns.size(); start += perRow) {
            picture.append('\n');
            List<ServerColumn> row = columns.subList(start, Math.min(columns.size(), start + perRow));
            for (String line : rowLines(row, columnWidth)) {
                picture.append(line.stripTrailing()).append('\n');
            }
        }
        return picture.toString();
    }

    private static List<String> rowLines(List<ServerColumn> row, int columnWidth) {
        List<String> lines = new ArrayList<>();
        int lineCount = row.getFirst().lines(HEIGHT).size();
        for (int line = 0; line < lineCount; line++) {
            StringBuilder text = new StringBuilder();
            for (ServerColumn column : row) {
                String cell = column.lines(HEIGHT).get(line);
                text.append(cell).append(" ".repeat(columnWidth - cell.length())).append(GAP);
            }
            lines.add(text.toString());
        }
        return lines;
    }

    private static String summary(GridSnapshot snapshot) {
        long used = snapshot.blocks().stream().filter(load -> !load.slices().isEmpty()).count();
        return snapshot.blocks().size() + " servers (" + used + " in use), " + snapshot.sliceCount()
                + " slices; left half memory, right half cpu; under each: m used/free, c used/free (cores)";
    }

    /** The words of the text in lines no longer than the width (a longer word keeps its own line). */
    private static List<String> wrapped(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
