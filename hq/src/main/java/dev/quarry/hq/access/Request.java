package dev.quarry.hq.access;

import static java.util.Objects.requireNonNull;

import dev.quarry.compiler.read.Names;

/** What a caller asks to do, as the access policy judges it. */
public sealed interface Request {

    /** An action on one app: allowed for admins and for the app's developers. */
    record OnApp(String app, AppAction action) implements Request {
        public OnApp {
            if (!Names.isName(app)) {
                throw new IllegalArgumentException("not an app name: \"" + app + "\"");
            }
            requireNonNull(action, "action is null");
        }
    }

    /**
     * Something for admins only, such as the servers, the whole grid, keys, access or the audit log.
     *
     * @param words what it is, as a refusal says it ({@code see the servers})
     */
    record AdminOnly(String words) implements Request {
        public AdminOnly {
            requireNonNull(words, "words is null");
        }
    }

    /** Open to every key; what it shows is limited to the apps the caller reaches (such as {@code apps}). */
    record Open() implements Request { }
}
