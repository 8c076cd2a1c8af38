package dev.quarry.hq.dashboard;

import static java.util.Objects.requireNonNull;

import dev.quarry.hq.access.Request;
import dev.quarry.hq.commands.Verb;
import dev.quarry.hq.commands.VerbContext;
import dev.quarry.hq.commands.VerbFailure;
import java.util.List;

/**
 * {@code dashboard}: a one-time link to the dashboard for the caller's key (single use, 60 s). Open to every
 * key: the session has the key's access, so a developer sees only the apps it reaches.
 */
public final class DashboardVerb implements Verb {
    static final String USAGE = "dashboard";

    private final LoginLinks links;
    private final String address;

    /** @param address where the dashboard answers, such as {@code http://127.0.0.1:8090} */
    public DashboardVerb(LoginLinks links, String address) {
        this.links = requireNonNull(links, "links is null");
        this.address = requireNonNull(address, "address is null");
    }

    @Override
    public Request request(List<String> arguments) {
        if (!arguments.isEmpty()) {
            throw VerbFailure.usage("it takes no arguments", USAGE);
        }
        return new Request.Open();
    }

    @Override
    public int run(VerbContext context) {
        String token = links.issue(context.user());
        context.caller().audit("", "dashboard login link");
        context.out().println(address + "/login/" + token);
        context.out().println("(open it within " + LoginLinks.LIFETIME.toSeconds() + " s; it works once, for "
                + context.user() + ")");
        return 0;
    }
}
