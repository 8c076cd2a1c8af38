package dev.quarry.agent.state;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the agent remembers.
 *
 * @param ports the port handed out to each container id
 * @param containers the containers it started, by id
 */
public record AgentState(Map<String, Integer> ports, Map<String, RecordedContainer> containers) {
    public static final AgentState EMPTY = new AgentState(Map.of(), Map.of());

    public AgentState {
        ports = Collections.unmodifiableMap(new TreeMap<>(ports == null ? Map.of() : ports));
        containers = Collections.unmodifiableMap(new TreeMap<>(containers == null ? Map.of() : containers));
    }

    public AgentState withPort(String id, Integer port) {
        Map<String, Integer> changed = new TreeMap<>(ports);
        if (port == null) {
            changed.remove(id);
        } else {
            changed.put(id, port);
        }
        return new AgentState(changed, containers);
    }

    public AgentState withContainer(String id, RecordedContainer container) {
        Map<String, RecordedContainer> changed = new TreeMap<>(containers);
        if (container == null) {
            changed.remove(id);
        } else {
            changed.put(id, container);
        }
        return new AgentState(ports, changed);
    }
}
