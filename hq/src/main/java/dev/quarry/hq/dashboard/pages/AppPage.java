package dev.quarry.hq.dashboard.pages;

import java.util.List;

/** One app: its live release and nodes (with scale forms), its containers, its releases with their plans. */
public final class AppPage {
    private AppPage() {}

    /** @param csrf the session's CSRF token, carried by the action forms */
    public static String main(AppDetail detail, String csrf) {
        AppCard card = detail.card();
        String app = Html.escape(card.app());
        StringBuilder out = new StringBuilder("<h1>").append(app).append("</h1><p>live release <b>")
                .append(card.release() == 0 ? "none" : Integer.toString(card.release())).append("</b> <code>")
                .append(Html.escape(card.commit())).append("</code> by ").append(Html.escape(card.by())).append(", ")
                .append(Html.escape(card.deployed())).append(" · <a href=\"/apps/").append(app)
                .append("/logs\">logs</a>");
        String domains = AppsPage.domains(card.nodes());
        out.append(domains.isEmpty() ? "" : " · " + domains).append("</p>");
        if (!detail.deploying().isEmpty()) {
            out.append("<h2>Deploying</h2><pre class=deploy>").append(Html.escape(String.join("\n",
                    detail.deploying()))).append("</pre>");
        }
        if (detail.actions().contains("restart")) {
            out.append(form(app, "restart", csrf, "Restart every container of " + app + "?", "", "restart"));
        }
        out.append("<h2>Nodes</h2><table><tr><th>node<th>running/scale<th>limits<th>domains<th></tr>");
        for (NodeLine node : card.nodes()) {
            out.append("<tr><td>").append(Html.escape(node.node())).append("<td>").append(node.running()).append('/')
                    .append(node.scale()).append("<td>").append(Html.escape(node.limits())).append("<td>")
                    .append(AppsPage.domains(List.of(node))).append("<td>");
            if (detail.actions().contains("scale")) {
                String name = Html.escape(node.node());
                out.append(form(app, "scale", csrf, "Scale " + app + "/" + name + "?", "<input type=hidden name=node"
                        + " value=\"" + name + "\"><input name=count size=3 aria-label=\"scale of " + name + "\" value=\""
                        + node.scale() + "\">", "scale"));
            }
        }
        out.append("</table>").append(containers(detail.containers())).append(releases(detail, csrf));
        return out.toString();
    }

    private static String containers(List<ContainerLine> containers) {
        StringBuilder out = new StringBuilder("<h2>Containers</h2><table><tr><th>container<th>server<th>address"
                + "<th>state<th>restarts<th>release<th>notes</tr>");
        for (ContainerLine line : containers) {
            out.append("<tr><td>").append(Html.escape(line.id())).append("<td>").append(Html.escape(line.server()))
                    .append("<td>").append(Html.escape(line.address())).append("<td>").append(Html.escape(line.state()))
                    .append("<td>").append(line.restarts()).append("<td>").append(line.release()).append("<td>")
                    .append(Html.escape(String.join("; ", line.notes()))).append("</tr>");
        }
        return out.append("</table>").toString();
    }

    private static String releases(AppDetail detail, String csrf) {
        String app = Html.escape(detail.card().app());
        StringBuilder out = new StringBuilder("<h2>Releases</h2><table><tr><th>release<th>status<th>commit<th>by"
                + "<th>created<th>what<th>plan<th></tr>");
        for (ReleaseLine release : detail.releases()) {
            out.append("<tr><td>").append(release.number()).append("<td>").append(Html.escape(release.status()))
                    .append("<td><code>").append(Html.escape(release.commit())).append("</code><td>")
                    .append(Html.escape(release.by())).append("<td>").append(Html.escape(release.created()))
                    .append("<td>").append(Html.escape(release.reason())).append("<td><details><summary>")
                    .append(release.plan().size()).append(" steps</summary><pre>")
                    .append(Html.escape(String.join("\n", release.plan()))).append("</pre></details><td>");
            if (detail.actions().contains("rollback") && !release.status().equals("live")
                    && !release.status().equals("failed")) {
                out.append(form(app, "rollback", csrf, "Roll " + app + " back to release " + release.number() + "?",
                        "<input type=hidden name=release value=" + release.number() + ">", "roll back"));
            }
        }
        return out.append("</table>").toString();
    }

    private static String form(String app, String action, String csrf, String question, String fields, String label) {
        return "<form method=post action=\"/apps/" + app + "/" + action + "\" data-confirm=\"" + question + "\">"
                + "<input type=hidden name=csrf value=\"" + Html.escape(csrf) + "\">" + fields + "<button>" + label
                + "</button></form>";
    }
}
