package dev.quarry.pacific.provider;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one provider. Every event is logged; a listener that throws is logged and does not stop
 * the others, nor undo what the provider did.
 */
public final class ProviderListeners {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderListeners.class);

    private final List<ProviderListener> listeners = new CopyOnWriteArrayList<>();

    public void add(ProviderListener listener) {
        listeners.add(requireNonNull(listener, "listener is null"));
    }

    public void tell(ProviderEvent event) {
        LOG.info("pacific: {}", event.describe());
        for (ProviderListener listener : listeners) {
            try {
                listener.on(event);
            } catch (RuntimeException e) {
                LOG.warn("pacific: a listener failed on \"{}\": {}", event.describe(), e.toString());
            }
        }
    }
}
