package dev.quarry.hq.dashboard;

import com.sun.net.httpserver.HttpExchange;
import dev.quarry.hq.access.Caller;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * {@code /events?page=PATH}: server-sent events carrying the page's {@code <main>} each time it changes. The page
 * is rendered again every {@link #PERIOD} for the session's caller (so its access is judged every time); a comment
 * every {@link #KEEPALIVE} finds a browser that left.
 */
final class EventStream {
    static final Duration PERIOD = Duration.ofMillis(250);
    static final Duration KEEPALIVE = Duration.ofSeconds(15);

    private final DashboardPages pages;
    private final BooleanSupplier closed;

    EventStream(DashboardPages pages, BooleanSupplier closed) {
        this.pages = pages;
        this.closed = closed;
    }

    void stream(HttpExchange exchange, Caller caller, Session session) throws IOException {
        String path = page(exchange.getRequestURI().getRawQuery());
        if (pages.render(path, caller, session).isEmpty()) {
            Responses.text(exchange, 404, "no such page to follow: " + path + "\n");
            return;
        }
        Responses.common(exchange, "text/event-stream; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        String last = "";
        long quiet = 0;
        while (!closed.getAsBoolean()) {
            Optional<DashboardPages.Rendered> page = pages.render(path, caller, session);
            if (page.isEmpty()) {
                return;
            }
            if (!page.get().main().equals(last)) {
                last = page.get().main();
                DashboardServer.write(out, event(last));
                quiet = 0;
            } else if (++quiet * PERIOD.toMillis() >= KEEPALIVE.toMillis()) {
                DashboardServer.write(out, ": still here\n\n");
                quiet = 0;
            }
            try {
                Thread.sleep(PERIOD);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One event whose data is {@code html}, a {@code data:} line per line of it. */
    static String event(String html) {
        StringBuilder out = new StringBuilder();
        for (String line : html.split("\n", -1)) {
            out.append("data: ").append(line).append('\n');
        }
        return out.append('\n').toString();
    }

    private static String page(String query) {
        if (query == null || !query.startsWith("page=")) {
            return "";
        }
        return URLDecoder.decode(query.substring("page=".length()), StandardCharsets.UTF_8);
    }
}
