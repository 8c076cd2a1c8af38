package dev.quarry.hq.dashboard;

import java.util.List;
import java.util.Optional;

/** The session cookie: HttpOnly, SameSite=Strict, Secure when the dashboard is reached over HTTPS. */
final class SessionCookie {
    static final String NAME = "quarry_session";

    private SessionCookie() {}

    static String header(Session session, boolean secure) {
        return NAME + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + DashboardSessions.LIFETIME.toSeconds() + (secure ? "; Secure" : "");
    }

    /** The session id in the request's Cookie headers, if any. */
    static Optional<String> read(List<String> cookieHeaders) {
        if (cookieHeaders == null) {
            return Optional.empty();
        }
        for (String header : cookieHeaders) {
            for (String pair : header.split(";")) {
                String trimmed = pair.trim();
                if (trimmed.startsWith(NAME + "=")) {
                    return Optional.of(trimmed.substring(NAME.length() + 1));
                }
            }
        }
        return Optional.empty();
    }
}
