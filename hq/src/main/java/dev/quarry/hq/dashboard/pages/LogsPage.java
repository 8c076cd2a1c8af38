package dev.quarry.hq.dashboard.pages;

/** The live tail of an app's logs: the last lines of each container. */
public final class LogsPage {
    private LogsPage() {}

    public static String main(LogTail tail) {
        String app = Html.escape(tail.app());
        StringBuilder out = new StringBuilder("<h1><a href=\"/apps/").append(app).append("\">").append(app)
                .append("</a> logs</h1>");
        if (tail.containers().isEmpty()) {
            out.append("<p>no containers of ").append(app).append(" run on the grid</p>");
        }
        for (LogTail.ContainerLog container : tail.containers()) {
            out.append("<h2>").append(Html.escape(container.container())).append(" on ")
                    .append(Html.escape(container.server())).append("</h2><pre class=tail>")
                    .append(Html.escape(String.join("\n", container.lines()))).append("</pre>");
        }
        return out.toString();
    }
}
