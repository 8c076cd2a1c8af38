package dev.quarry.agent.ports;

import dev.quarry.agent.runtime.RuntimeFailure;
import dev.quarry.agent.state.StateStore;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hands each container a port from the server's range and remembers it in the state file, so a
 * restarted agent never hands out a port a container still holds. A port another program listens
 * on is skipped.
 */
public final class PortAllocator {
    private final StateStore store;
    private final PortRange range;
    private final PortCheck check;

    public PortAllocator(StateStore store, PortRange range, PortCheck check) {
        this.store = store;
        this.range = range;
        this.check = check;
    }

    public PortRange range() {
        return range;
    }

    /** The port {@code id} holds, if any. */
    public synchronized Optional<Integer> portOf(String id) {
        return Optional.ofNullable(store.current().ports().get(id));
    }

    /** The port {@code id} already holds, or the lowest free one in the range. */
    public synchronized int assign(String id, String host) {
        Map<String, Integer> held = store.current().ports();
        if (held.containsKey(id)) {
            return held.get(id);
        }
        Set<Integer> taken = new HashSet<>(held.values());
        for (int port = range.first(); port <= range.last(); port++) {
            if (!taken.contains(port) && check.isFree(host, port)) {
                int chosen = port;
                store.update(state -> state.withPort(id, chosen));
                return chosen;
            }
        }
        throw new RuntimeFailure("no free port on " + host + " in " + range + " (" + taken.size()
                + " held by containers); remove stopped containers or start the agent with a wider --ports");
    }

    /** Gives {@code id} the port its request fixes, unless another container or program holds it. */
    public synchronized int reserve(String id, String host, int port) {
        Map<String, Integer> held = store.current().ports();
        if (Integer.valueOf(port).equals(held.get(id))) {
            return port;
        }
        for (Map.Entry<String, Integer> entry : held.entrySet()) {
            if (entry.getValue() == port) {
                throw new RuntimeFailure("port " + port + " on " + host + " is held by " + entry.getKey()
                        + "; stop and remove that container first, or leave the port to the agent");
            }
        }
        if (!check.isFree(host, port)) {
            throw new RuntimeFailure("port " + port + " on " + host + " is in use by another program;"
                    + " stop it or leave the port to the agent");
        }
        store.update(state -> state.withPort(id, port));
        return port;
    }

    /** Records a port a container found at start-up holds. */
    public synchronized void adopt(String id, int port) {
        store.update(state -> state.withPort(id, port));
    }

    public synchronized void release(String id) {
        store.update(state -> state.withPort(id, null));
    }
}
