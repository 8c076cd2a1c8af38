package dev.quarry.hq.commands;

import dev.quarry.hq.access.Request;
import java.util.List;

/** {@code dashboard} on an HQ that serves none: says how to start one. */
final class NoDashboardVerb implements Verb {
    @Override
    public Request request(List<String> arguments) {
        return new Request.Open();
    }

    @Override
    public int run(VerbContext context) {
        throw new VerbFailure("this HQ serves no dashboard; start it with --dashboard ADDR:PORT (quarry up serves"
                + " one on 127.0.0.1:8090)");
    }
}
