package dev.quarry.hq.dashboard;

import com.sun.net.httpserver.HttpExchange;
import dev.quarry.compiler.read.Names;
import dev.quarry.hq.access.Caller;
import dev.quarry.hq.commands.Verbs;
import dev.quarry.hq.dashboard.pages.Html;
import dev.quarry.hq.dashboard.pages.PageShell;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The page's buttons: {@code POST /apps/APP/scale} (node, count), {@code /apps/APP/rollback} (release) and
 * {@code /apps/APP/restart} when HQ has that verb. Each carries the session's CSRF token and runs the verb of the
 * same name for the session's key, so the access rules, the audit log and the output are the verb's.
 */
public final class DashboardActions {
    static final int MOST_FORM_BYTES = 4096;

    private final Verbs verbs;

    public DashboardActions(Verbs verbs) {
        this.verbs = verbs;
    }

    void handle(HttpExchange exchange, String path, Caller caller, Session session) throws IOException {
        String[] parts = path.split("/", -1);
        Map<String, String> form = form(exchange);
        if (!DashboardSessions.carriesCsrf(session, form.get("csrf"))) {
            Responses.text(exchange, 403, "this form is not from your dashboard page (its CSRF token is missing or"
                    + " wrong); reload the page and try again\n");
            return;
        }
        if (parts.length != 4 || !parts[1].equals("apps") || !Names.isName(parts[2])) {
            Responses.text(exchange, 404, "no such action: " + path + "\n");
            return;
        }
        String app = parts[2];
        List<String> arguments = switch (parts[3]) {
            case "scale" -> Names.isName(form.getOrDefault("node", "")) && form.getOrDefault("count", "")
                    .matches("[0-9]{1,4}") ? List.of(app, form.get("node") + "=" + form.get("count")) : null;
            case "rollback" -> form.getOrDefault("release", "").matches("[0-9]{1,9}")
                    ? List.of(app, form.get("release")) : null;
            case "restart" -> Verbs.NAMES.contains("restart") ? List.of(app) : null;
            default -> null;
        };
        if (arguments == null) {
            Responses.text(exchange, 400, "action " + parts[3] + " of " + app + ": give scale (node, count 0-9999),"
                    + " rollback (release number) or restart\n");
            return;
        }
        run(exchange, parts[3], arguments, caller, session, app);
    }

    private void run(HttpExchange exchange, String verb, List<String> arguments, Caller caller, Session session,
            String app) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status;
        try {
            status = verbs.run(verb, arguments, caller, () -> true, new ByteArrayInputStream(new byte[0]), out, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 1;
        }
        String output = out.toString(StandardCharsets.UTF_8);
        String main = "<h1>" + Html.escape(verb + " " + String.join(" ", arguments)) + "</h1><p>"
                + (status == 0 ? "done" : "failed (exit status " + status + ")") + "</p><pre>" + Html.escape(output)
                + "</pre><p><a href=\"/apps/" + app + "\">back to " + app + "</a></p>";
        Responses.html(exchange, status == 0 ? 200 : 409, PageShell.render(verb, session.user(), "", main));
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(MOST_FORM_BYTES + 1);
        Map<String, String> fields = new HashMap<>();
        if (body.length > MOST_FORM_BYTES) {
            return fields;
        }
        for (String pair : new String(body, StandardCharsets.US_ASCII).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
