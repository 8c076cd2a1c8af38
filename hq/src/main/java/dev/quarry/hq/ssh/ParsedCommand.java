package dev.quarry.hq.ssh;

import static java.util.Objects.requireNonNull;

import dev.quarry.compiler.read.Names;
import java.util.List;

/** An SSH command line, understood: a git transfer, a quarry verb, or a refusal with its reason. */
public sealed interface ParsedCommand {

    /** {@code git-receive-pack 'APP'}: a push. */
    record Push(String app) implements ParsedCommand {
        public Push {
            requireApp(app);
        }
    }

    /** {@code git-upload-pack 'APP'}: a clone or fetch. */
    record Fetch(String app) implements ParsedCommand {
        public Fetch {
            requireApp(app);
        }
    }

    /** A quarry verb such as {@code releases shop --json}. */
    record Verb(String name, List<String> arguments) implements ParsedCommand {
        public Verb {
            requireNonNull(name, "name is null");
            arguments = List.copyOf(arguments);
        }
    }

    /** Not something HQ runs; {@code reason} is one line saying why and what to do. */
    record Refused(String reason) implements ParsedCommand {
        public Refused {
            requireNonNull(reason, "reason is null");
        }
    }

    private static void requireApp(String app) {
        if (!Names.isName(app)) {
            throw new IllegalArgumentException("not an app name: \"" + app + "\"");
        }
    }
}
