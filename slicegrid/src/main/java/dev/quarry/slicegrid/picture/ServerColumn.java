package dev.quarry.slicegrid.picture;

import dev.quarry.slicegrid.BlockLoad;
import dev.quarry.slicegrid.model.BlockState;
import dev.quarry.slicegrid.model.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One server drawn as a box filled by use, with its id and used/free lines under it. */
record ServerColumn(String id, double memoryFill, double cpuFill, String memoryLine, String cpuLine) {
    static final int BOX_WIDTH = 6;

    static ServerColumn of(BlockLoad load) {
        Resources capacity = load.block().capacity();
        Resources used = load.used();
        Resources free = load.free();
        String id = load.block().id() + (load.block().state() == BlockState.DRAINING ? " (draining)" : "");
        return new ServerColumn(id,
                (double) used.memoryMebibytes() / capacity.memoryMebibytes(),
                (double) used.cpuMillicores() / capacity.cpuMillicores(),
                "m " + memory(used.memoryMebibytes()) + "/" + memory(free.memoryMebibytes()),
                "c " + cores(used.cpuMillicores()) + "/" + cores(free.cpuMillicores()));
    }

    int width() {
        return Math.max(BOX_WIDTH, Math.max(id.length(), Math.max(memoryLine.length(), cpuLine.length())));
    }

    List<String> lines(int height) {
        List<String> lines = new ArrayList<>();
        lines.add("-".repeat(BOX_WIDTH));
        int memoryRows = rows(memoryFill, height);
        int cpuRows = rows(cpuFill, height);
        for (int row = height; row >= 1; row--) {
            lines.add("|" + (row <= memoryRows ? "##" : "  ") + (row <= cpuRows ? "##" : "  ") + "|");
        }
        lines.add("-".repeat(BOX_WIDTH));
        lines.add(id);
        lines.add(memoryLine);
        lines.add(cpuLine);
        return lines;
    }

    /** Rows to fill: any use shows at least one row, and only a full dimension fills them all. */
    private static int rows(double fill, int height) {
        if (fill <= 0) {
            return 0;
        }
        int rows = (int) Math.round(fill * height);
        return Math.max(1, fill < 1 ? Math.min(height - 1, rows) : height);
    }

    private static String memory(int mebibytes) {
        if (mebibytes >= 1024) {
            double gibibytes = mebibytes / 1024.0;
            return gibibytes == Math.rint(gibibytes) ? (int) gibibytes + "G" : String.format(Locale.ROOT, "%.1fG", gibibytes);
        }
        return mebibytes + "M";
    }

    private static String cores(int millicores) {
        double cores = millicores / 1000.0;
        return cores == Math.rint(cores) ? Integer.toString((int) cores) : String.format(Locale.ROOT, "%.2f", cores).replaceAll("0$", "");
    }
}
