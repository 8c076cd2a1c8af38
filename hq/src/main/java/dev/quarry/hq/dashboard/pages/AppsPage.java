package dev.quarry.hq.dashboard.pages;

import java.util.List;
import java.util.stream.Collectors;

/** The apps the caller reaches: each with its live release, who made it, and its nodes with scale and health. */
public final class AppsPage {
    private AppsPage() {}

    public static String main(List<AppCard> apps) {
        if (apps.isEmpty()) {
            return "<h1>Apps</h1><p>no apps yet; push one: <code>git push quarry@HQ:APP main</code></p>";
        }
        StringBuilder out = new StringBuilder("<h1>Apps</h1><table><tr><th>app<th>release<th>commit<th>by<th>deployed"
                + "<th>nodes (running/scale)<th>domains</tr>");
        for (AppCard app : apps) {
            out.append("<tr><td><a href=\"/apps/").append(app.app()).append("\">").append(Html.escape(app.app()))
                    .append("</a><td>").append(app.release() == 0 ? "-" : Integer.toString(app.release()))
                    .append("<td><code>").append(Html.escape(app.commit())).append("</code><td>")
                    .append(Html.escape(app.by())).append("<td>").append(Html.escape(app.deployed())).append("<td>")
                    .append(nodes(app.nodes())).append("<td>").append(domains(app.nodes())).append("</tr>");
        }
        return out.append("</table>").toString();
    }

    static String nodes(List<NodeLine> nodes) {
        return nodes.stream().map(node -> "<span class=\"" + (node.running() < node.scale() ? "bad" : "ok") + "\">"
                + Html.escape(node.node()) + " " + node.running() + "/" + node.scale() + "</span>")
                .collect(Collectors.joining(" "));
    }

    static String domains(List<NodeLine> nodes) {
        return nodes.stream().flatMap(node -> node.domains().stream()).distinct()
                .map(domain -> "<a href=\"http://" + Html.escape(domain) + "/\">" + Html.escape(domain) + "</a>")
                .collect(Collectors.joining(" "));
    }
}
