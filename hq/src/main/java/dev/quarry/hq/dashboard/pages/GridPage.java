package dev.quarry.hq.dashboard.pages;

import java.util.List;
import java.util.Locale;

/**
 * The grid as the design notes draw it: each server a column whose height is its memory, filled from the bottom
 * by its containers (one colour per app); hovering a block shows the container.
 */
public final class GridPage {
    private static final int COLOURS = 10;

    private GridPage() {}

    public static String main(List<ServerColumn> servers) {
        if (servers.isEmpty()) {
            return "<h1>Grid</h1><p>no grid: this HQ runs without one; start it with --router</p>";
        }
        StringBuilder out = new StringBuilder("<h1>Grid</h1><div class=grid>");
        long memory = 0;
        long used = 0;
        for (ServerColumn server : servers) {
            memory += server.memoryMebibytes();
            used += server.usedMemory();
            column(out, server);
        }
        return out.append("</div><p>").append(servers.size()).append(" servers, ").append(used).append(" of ")
                .append(memory).append(" MiB reserved</p>").toString();
    }

    private static void column(StringBuilder out, ServerColumn server) {
        out.append("<div class=\"server").append(server.state().equals("up") ? "" : " down").append("\" id=\"server-")
                .append(Html.escape(server.id())).append("\"><div class=col>");
        for (GridBlock block : server.blocks()) {
            double share = 100.0 * block.memoryMebibytes() / server.memoryMebibytes();
            out.append("<i class=\"c").append(colour(block.app())).append(block.state().equals("running") ? ""
                    : " bad").append("\" style=\"height:").append(String.format(Locale.ROOT, "%.1f", share))
                    .append("%\" title=\"").append(Html.escape(block.container())).append(' ')
                    .append(block.memoryMebibytes()).append("M ").append(block.cpuMillicores()).append("m ")
                    .append(Html.escape(block.state())).append("\"></i>");
        }
        out.append("</div><b>").append(Html.escape(server.id())).append("</b><br>").append(Html.escape(server.host()))
                .append("<br>").append(server.usedMemory()).append('/').append(server.memoryMebibytes())
                .append(" MiB<br>").append(server.usedCpu()).append('/').append(server.cpuMillicores())
                .append("m cpu<br>").append(Html.escape(server.provider())).append(" $")
                .append(Html.escape(server.hourlyPrice())).append("/h<br>").append(Html.escape(server.state()))
                .append("</div>");
    }

    private static int colour(String app) {
        return Math.floorMod(app.hashCode(), COLOURS);
    }
}
