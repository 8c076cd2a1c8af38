package dev.quarry.hq.access;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is calling in one SSH session, where from and with which tool: it asks the {@link AccessPolicy}
 * before anything is touched, and writes what it changed to the audit log.
 */
public final class Caller {
    private static final Logger LOG = LoggerFactory.getLogger(Caller.class);

    private final AccessControl access;
    private final String name;
    private final String address;
    private final HintSyntax syntax;

    Caller(AccessControl access, String name, String address, HintSyntax syntax) {
        this.access = requireNonNull(access, "access is null");
        this.name = requireNonNull(name, "name is null");
        this.address = requireNonNull(address, "address is null");
        this.syntax = requireNonNull(syntax, "syntax is null");
    }

    public String name() {
        return name;
    }

    public HintSyntax syntax() {
        return syntax;
    }

    public Role role() {
        return access.role(name);
    }

    /**
     * Decides {@code request}. A first push of a new app claims it for this caller at once (compare-and-set),
     * so of two first pushes of one name only one creates it.
     */
    public Verdict admit(Request request) {
        Role role = role();
        AppStanding standing = request instanceof Request.OnApp onApp ? access.standing(onApp.app())
                : new AppStanding.Unrecorded();
        Verdict verdict = AccessPolicy.decide(name, role, request, standing);
        if (verdict instanceof Verdict.Creates && request instanceof Request.OnApp onApp
                && !access.store().createApp(AppAccess.createdBy(onApp.app(), name))) {
            verdict = AccessPolicy.decide(name, role, request, access.standing(onApp.app()));
        }
        if (verdict instanceof Verdict.Refused refused) {
            LOG.info("refused {} ({}) from {}: {}", name, role.word(), address, refused.reason());
        }
        return verdict;
    }

    /** The one-line refusal for {@code request}, in the caller's syntax; empty when it is allowed. */
    public Optional<String> refusal(Request request) {
        return admit(request) instanceof Verdict.Refused refused ? Optional.of(refused.line(syntax))
                : Optional.empty();
    }

    /** Gives up the claim of a first push that created nothing, so the name is free again. */
    public void releaseClaim(String app) {
        if (!access.exists(app)) {
            access.store().removeAppIf(AppAccess.createdBy(app, name));
        }
    }

    /** Whether this caller reaches {@code app} (what {@code apps} shows it). */
    public boolean reaches(String app) {
        if (role() == Role.ADMIN) {
            return true;
        }
        return access.store().app(app).map(record -> record.reaches(name)).orElse(false);
    }

    /** Writes one state-changing action to the audit log ({@code app} empty when it concerns none). */
    public void audit(String app, String what) {
        access.audit().append(new AuditEntry(access.clock().instant(), name, address, app, what));
    }
}
