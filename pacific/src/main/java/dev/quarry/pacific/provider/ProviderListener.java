package dev.quarry.pacific.provider;

/** Hears what a provider did; HQ updates slicegrid and {@code servers/} in response. */
@FunctionalInterface
public interface ProviderListener {
    void on(ProviderEvent event);
}
