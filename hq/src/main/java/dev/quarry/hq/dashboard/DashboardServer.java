package dev.quarry.hq.dashboard;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.quarry.hq.access.AccessControl;
import dev.quarry.hq.access.Caller;
import dev.quarry.hq.access.HintSyntax;
import dev.quarry.hq.dashboard.pages.PageShell;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's HTTP edge, on the JDK's own server: the login link, then for a session's cookie only the pages,
 * their event streams, the script and the actions; everything else, and everything without a session, is 401.
 */
public final class DashboardServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final LoginLinks links;
    private final DashboardSessions sessions;
    private final String address;
    private volatile Parts parts;
    private volatile boolean closed;

    /** What the pages read and the actions run with, given once HQ's verbs (with this dashboard's) exist. */
    record Parts(AccessControl access, DashboardPages pages, DashboardActions actions) {
        Parts {
            requireNonNull(access, "access is null");
            requireNonNull(pages, "pages is null");
            requireNonNull(actions, "actions is null");
        }
    }

    private DashboardServer(HttpServer server, ExecutorService executor, LoginLinks links, DashboardSessions sessions) {
        this.server = server;
        this.executor = executor;
        this.links = links;
        this.sessions = sessions;
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().getHostAddress();
        this.address = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort();
    }

    /** Binds {@code listen} (port 0: any free one); it answers once {@link #serve} is called. */
    public static DashboardServer bind(InetSocketAddress listen, LoginLinks links, DashboardSessions sessions)
            throws IOException {
        HttpServer server = HttpServer.create(listen, 64);
        ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("dashboard-", 1)
                .factory());
        server.setExecutor(executor);
        DashboardServer dashboard = new DashboardServer(server, executor, links, sessions);
        server.createContext("/", dashboard::handle);
        return dashboard;
    }

    /** Where it answers, such as {@code http://127.0.0.1:8090}. */
    public String address() {
        return address;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Starts answering with these parts. */
    public void serve(Parts given) {
        this.parts = requireNonNull(given, "parts is null");
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.startsWith("/login/")) {
                login(exchange, path.substring("/login/".length()));
                return;
            }
            Optional<Session> session = SessionCookie.read(exchange.getRequestHeaders().get("Cookie"))
                    .flatMap(sessions::find).filter(found -> parts.access().knows(found.user()));
            if (session.isEmpty()) {
                Responses.text(exchange, 401, "log in with a link from: quarry dashboard\n");
                return;
            }
            Caller caller = parts.access().caller(session.get().user(),
                    exchange.getRemoteAddress().getAddress().getHostAddress(), HintSyntax.CLI);
            route(exchange, method, path, caller, session.get());
        } catch (IOException | RuntimeException e) {
            LOG.debug("dashboard request failed: {}", e.toString());
        }
    }

    private void route(HttpExchange exchange, String method, String path, Caller caller, Session session)
            throws IOException {
        if (method.equals("POST")) {
            parts.actions().handle(exchange, path, caller, session);
        } else if (!method.equals("GET")) {
            Responses.text(exchange, 405, "the dashboard answers GET and POST\n");
        } else if (path.equals("/")) {
            Responses.redirect(exchange, "/apps");
        } else if (path.equals("/dashboard.js")) {
            Responses.send(exchange, 200, "text/javascript; charset=utf-8", PageShell.SCRIPT);
        } else if (path.equals("/events")) {
            new EventStream(parts.pages(), () -> closed).stream(exchange, caller, session);
        } else {
            Optional<DashboardPages.Rendered> page = parts.pages().render(path, caller, session);
            if (page.isEmpty()) {
                Responses.text(exchange, 404, "no such page (or not one your key may see): " + path + "\n");
            } else {
                Responses.html(exchange, 200, PageShell.render(page.get().title(), session.user(), path,
                        page.get().main()));
            }
        }
    }

    private void login(HttpExchange exchange, String token) throws IOException {
        Optional<String> user = links.redeem(token).filter(name -> parts.access().knows(name));
        if (user.isEmpty()) {
            Responses.text(exchange, 401, "this login link is used, expired or wrong; get a new one (it works once,"
                    + " for " + LoginLinks.LIFETIME.toSeconds() + " s): quarry dashboard\n");
            return;
        }
        Session session = sessions.open(user.get());
        LOG.info("dashboard: {} logged in from {}", user.get(), exchange.getRemoteAddress().getAddress()
                .getHostAddress());
        exchange.getResponseHeaders().add("Set-Cookie", SessionCookie.header(session, address.startsWith("https:")));
        Responses.redirect(exchange, "/apps");
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }

    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
