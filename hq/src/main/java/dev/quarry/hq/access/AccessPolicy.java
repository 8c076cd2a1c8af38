package dev.quarry.hq.access;

import java.util.List;

/**
 * Decides who may do what. Pure: the caller's name and role, the request and where its app stands go
 * in, a verdict with its reason comes out; nothing is read or written here.
 */
public final class AccessPolicy {
    static final String FOR_ADMINS = "that is for admins; see the apps you reach with: ";
    static final String GRANT = "an admin can run: ";

    private AccessPolicy() {}

    public static Verdict decide(String name, Role role, Request request, AppStanding standing) {
        return switch (request) {
            case Request.Open open -> new Verdict.Allowed();
            case Request.AdminOnly adminOnly -> role == Role.ADMIN ? new Verdict.Allowed()
                    : new Verdict.Refused(name + " may not " + adminOnly.words(), FOR_ADMINS, List.of("apps"));
            case Request.OnApp onApp -> onApp(name, role, onApp, standing);
        };
    }

    private static Verdict onApp(String name, Role role, Request.OnApp request, AppStanding standing) {
        if (standing instanceof AppStanding.Unclaimed && request.action() == AppAction.DEPLOY) {
            return new Verdict.Creates();
        }
        if (role == Role.ADMIN) {
            return new Verdict.Allowed();
        }
        if (standing instanceof AppStanding.Recorded recorded && recorded.access().reaches(name)) {
            return new Verdict.Allowed();
        }
        return new Verdict.Refused(name + " may not " + request.action().words() + " " + request.app(), GRANT,
                List.of("access", "grant", name, request.app()));
    }
}
