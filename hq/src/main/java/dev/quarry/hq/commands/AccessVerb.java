package dev.quarry.hq.commands;

import dev.quarry.hq.access.AccessControl;
import dev.quarry.hq.access.AccessStore;
import dev.quarry.hq.access.AppAccess;
import dev.quarry.hq.access.KeyNames;
import dev.quarry.hq.access.Request;
import dev.quarry.hq.access.Role;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code access grant NAME APP} lets a developer key reach an app (one that does not exist yet too: its first
 * push then deploys it); {@code access revoke NAME APP} takes that away. For admins. Each change is a
 * compare-and-set on the app's record, so concurrent grants and revokes all count.
 */
final class AccessVerb implements Verb {
    static final String USAGE = "access grant NAME APP | access revoke NAME APP";

    private final AccessControl access;

    AccessVerb(AccessControl access) {
        this.access = access;
    }

    @Override
    public Request request(List<String> words) {
        parse(words);
        return new Request.AdminOnly("manage access");
    }

    @Override
    public int run(VerbContext context) {
        Arguments arguments = parse(context.arguments());
        String action = arguments.positional().get(0);
        String name = arguments.positional().get(1);
        String app = arguments.app(2);
        if (action.equals("grant")) {
            return grant(context, name, app);
        }
        return revoke(context, name, app);
    }

    private static Arguments parse(List<String> words) {
        Arguments arguments = Arguments.parse(words, Set.of(), USAGE);
        List<String> positional = arguments.positional();
        if (positional.isEmpty() || !Set.of("grant", "revoke").contains(positional.getFirst())) {
            throw VerbFailure.usage(positional.isEmpty() ? "say grant or revoke"
                    : "unknown access action " + Arguments.quote(positional.getFirst()), USAGE);
        }
        if (positional.size() < 2 || !KeyNames.isName(positional.get(1))) {
            throw VerbFailure.usage(positional.size() < 2 ? "name the key" : Arguments.quote(positional.get(1))
                    + " is not a key name (" + KeyNames.RULE + ")", USAGE);
        }
        arguments.app(2);
        return arguments.atMost(3);
    }

    private int grant(VerbContext context, String name, String app) {
        if (!access.knows(name) && access.store().user(name).isEmpty()) {
            throw new VerbFailure("no key named " + name + " on this HQ; add it first: keys add " + name
                    + " < KEY.pub (see: keys)");
        }
        if (access.role(name) == Role.ADMIN) {
            context.out().println("nothing changed: " + name + " is an admin and reaches every app");
            return 0;
        }
        AccessStore.Edited edited = access.store().edit(app, current -> Optional.of(current
                .orElseGet(() -> new AppAccess(app, "", List.of())).with(name)));
        if (!edited.changed()) {
            context.out().println("nothing changed: " + name + " reaches " + app + " already");
            return 0;
        }
        context.caller().audit(app, "access grant " + name + " " + app);
        context.out().println(name + " now reaches " + app + (access.exists(app) ? ""
                : " (no app of that name yet: " + name + "'s first push creates it)"));
        return 0;
    }

    private int revoke(VerbContext context, String name, String app) {
        AccessStore.Edited edited = access.store().edit(app, current -> current.map(record -> record.without(name)));
        if (!edited.changed()) {
            context.out().println("nothing changed: " + name + " does not reach " + app
                    + (access.role(name) == Role.ADMIN ? " through a grant (it is an admin: keys remove " + name
                            + " takes its access)" : ""));
            return 0;
        }
        context.caller().audit(app, "access revoke " + name + " " + app);
        context.out().println(name + " no longer reaches " + app);
        return 0;
    }
}
