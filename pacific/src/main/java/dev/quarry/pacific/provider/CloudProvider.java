package dev.quarry.pacific.provider;

import java.util.List;

/**
 * Makes and destroys the grid's servers (the design notes' pacific: add, remove, resize; events added, removed,
 * resized). {@code local} makes servers on this machine, {@code digitalocean} makes droplets; HQ picks one from
 * its {@code --provider} option (hq's {@code HqGrid}) and uses it through hq's {@code ProviderServers}.
 *
 * <p>Every method blocks until the cloud has done it. A server {@link #add} returns is ready: its agent answers.
 * A server that could not be made is destroyed before {@link CloudFailure} is thrown, never left half-made.
 * Implementations are safe to call from several threads.
 */
public interface CloudProvider {

    /** The provider's name, as in the settings: {@code local} or {@code digitalocean}. */
    String name();

    /** Makes a server of at least the requested size and tags, waits until its agent answers, and tells the listeners. */
    Server add(ServerRequest request) throws CloudFailure;

    /** Destroys a server; one that is already gone counts as removed (and no listener is told). */
    void remove(String id) throws CloudFailure;

    /**
     * Makes sure a server this provider made runs: one that is off (after a reboot, a power-off) is started
     * again on what it had and answered once its agent answers; one that runs is answered as it is.
     */
    Server resume(String id) throws CloudFailure;

    /** Changes a server's memory and cpu to at least {@code size}, and tells the listeners. */
    Server resize(String id, ServerSize size) throws CloudFailure;

    /** The servers this provider made for the grid, as they are now. */
    List<Server> list() throws CloudFailure;

    /** Adds a listener for the events added, removed and resized. */
    void addListener(ProviderListener listener);
}
