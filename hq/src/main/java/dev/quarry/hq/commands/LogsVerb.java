package dev.quarry.hq.commands;

import dev.quarry.hq.release.StackState;
import java.util.Set;

/** {@code logs APP [-f]}: not available until containers run; says so in one line. */
final class LogsVerb implements Verb {
    static final String USAGE = "logs APP [-f]";

    private final StackState state;

    LogsVerb(StackState state) {
        this.state = state;
    }

    @Override
    public int run(VerbContext context) {
        Arguments arguments = Arguments.parse(context.arguments(), Set.of("-f"), USAGE).atMost(1);
        String app = arguments.app(0);
        StackLookup.require(state, app);
        throw new VerbFailure("logs of " + app + " are not available until the launch module lands: HQ runs no"
                + " containers yet, so there are no app logs");
    }
}
