package dev.quarry.hq.dashboard;

import dev.quarry.compiler.read.Names;
import dev.quarry.hq.access.Caller;
import dev.quarry.hq.dashboard.pages.AppPage;
import dev.quarry.hq.dashboard.pages.AppsPage;
import dev.quarry.hq.dashboard.pages.GridPage;
import dev.quarry.hq.dashboard.pages.LogsPage;
import java.util.Optional;

/**
 * Which page a path is and its content for one caller. Paths are allowlisted: {@code /apps}, {@code /grid},
 * {@code /apps/APP} and {@code /apps/APP/logs} with APP an app name; anything else is no page.
 */
final class DashboardPages {
    /** A page's title and the content of its {@code <main>}. */
    record Rendered(String title, String main) { }

    private final DashboardData apps;
    private final GridData grid;

    DashboardPages(DashboardData apps, GridData grid) {
        this.apps = apps;
        this.grid = grid;
    }

    /** The page at {@code path} as {@code caller} may see it; empty when there is none (or not for it). */
    Optional<Rendered> render(String path, Caller caller, Session session) {
        if (path.equals("/apps")) {
            return Optional.of(new Rendered("apps", AppsPage.main(apps.apps(caller))));
        }
        if (path.equals("/grid")) {
            return Optional.of(grid.columns(caller).map(columns -> new Rendered("grid", GridPage.main(columns)))
                    .orElseGet(() -> new Rendered("grid", "<h1>Grid</h1><p>the grid is for admins; see your apps:"
                            + " <a href=\"/apps\">apps</a></p>")));
        }
        String[] parts = path.split("/", -1);
        if (parts.length < 3 || parts.length > 4 || !parts[1].equals("apps") || !Names.isName(parts[2])) {
            return Optional.empty();
        }
        String app = parts[2];
        if (parts.length == 3) {
            return apps.app(caller, app).map(detail -> new Rendered(app, AppPage.main(detail, session.csrf())));
        }
        if (parts[3].equals("logs")) {
            return grid.logs(caller, app).map(tail -> new Rendered(app + " logs", LogsPage.main(tail)));
        }
        return Optional.empty();
    }
}
