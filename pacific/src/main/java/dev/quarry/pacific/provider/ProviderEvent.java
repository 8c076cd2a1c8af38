package dev.quarry.pacific.provider;

import static java.util.Objects.requireNonNull;

/** What a provider tells its listeners after it changed the grid's servers, each able to say so in one line. */
public sealed interface ProviderEvent permits ProviderEvent.Added, ProviderEvent.Removed, ProviderEvent.Resized {

    /** The server the event is about, as it is after the change (as it was, for a removal). */
    Server server();

    /** One line for HQ's log and {@code quarry servers}' history. */
    String describe();

    /** A server was made and its agent answers: slicegrid can place containers on it. */
    record Added(Server server) implements ProviderEvent {
        public Added {
            requireNonNull(server, "server is null");
        }

        @Override
        public String describe() {
            return "added server " + server.describe();
        }
    }

    /** A server was destroyed; its containers went with it. */
    record Removed(Server server) implements ProviderEvent {
        public Removed {
            requireNonNull(server, "server is null");
        }

        @Override
        public String describe() {
            return "removed server " + server.name() + " (id " + server.id() + ")";
        }
    }

    /** A server's memory and cpu changed. */
    record Resized(Server before, Server server) implements ProviderEvent {
        public Resized {
            requireNonNull(before, "before is null");
            requireNonNull(server, "server is null");
        }

        @Override
        public String describe() {
            return "resized server " + server.name() + " (id " + server.id() + ") from " + before.size() + " to "
                    + server.size() + ", $" + server.hourlyPrice().toPlainString() + "/h";
        }
    }
}
