package dev.quarry.agent.supervise;

import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.Instance;
import dev.quarry.agent.runtime.Launcher;
import dev.quarry.agent.state.RecordedContainer;
import dev.quarry.agent.state.StateStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an agent finds at start-up: the containers of its kind in the state file, plus those the
 * runtime discovers by itself (Docker labels). One still running is watched again; one that should
 * run but ended while no agent watched is treated as just exited, so its restart policy decides.
 */
final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private final Launcher launcher;
    private final StateStore store;
    private final Supervision supervision;

    Recovery(Launcher launcher, StateStore store, Supervision supervision) {
        this.launcher = launcher;
        this.store = store;
        this.supervision = supervision;
    }

    List<Supervised> recover() {
        Map<String, RecordedContainer> recorded = new LinkedHashMap<>();
        store.current().containers().forEach((id, container) -> {
            if (container.request().kind() == launcher.kind()) {
                recorded.put(id, container);
            }
        });
        Map<String, ContainerRequest> requests = new LinkedHashMap<>();
        recorded.forEach((id, container) -> requests.put(id, container.request()));
        for (ContainerRequest found : launcher.discover()) {
            requests.putIfAbsent(found.id(), found);
        }
        List<Supervised> recovered = new ArrayList<>();
        requests.forEach((id, request) -> recovered.add(recover(request, recorded.get(id))));
        return recovered;
    }

    private Supervised recover(ContainerRequest request, RecordedContainer recorded) {
        Supervised container = new Supervised(supervision, request, recorded);
        if (request.port() != null) {
            store.update(state -> state.withPort(request.id(), request.port()));
        }
        Optional<Instance> running = launcher.reattach(request, recorded == null ? null : recorded.handle(),
                recorded == null ? null : recorded.startedAt());
        if (running.isPresent()) {
            LOG.info("found {} still running ({})", request.id(), running.get().handle());
            container.adopt(running.get());
        } else if (recorded == null || recorded.state().isActive()) {
            LOG.info("found {} ended while no agent watched it; its restart policy decides", request.id());
            container.adoptExited();
        } else {
            RecordedContainer unchanged = container.record();
            store.update(state -> state.withContainer(request.id(), unchanged));
        }
        return container;
    }
}
