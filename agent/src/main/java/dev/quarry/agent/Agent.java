package dev.quarry.agent;

import com.github.dockerjava.api.DockerClient;
import dev.quarry.agent.docker.DockerClients;
import dev.quarry.agent.docker.DockerLauncher;
import dev.quarry.agent.health.HealthChecker;
import dev.quarry.agent.health.HttpProbe;
import dev.quarry.agent.home.AgentHome;
import dev.quarry.files.AtomicFiles;
import dev.quarry.files.ProcessLock;
import dev.quarry.agent.hook.Hooks;
import dev.quarry.agent.ports.PortAllocator;
import dev.quarry.agent.ports.PortCheck;
import dev.quarry.agent.process.ProcessLauncher;
import dev.quarry.agent.runtime.Runtime;
import dev.quarry.agent.runtime.RuntimeFailure;
import dev.quarry.agent.source.ReleaseSources;
import dev.quarry.agent.source.SourceLimits;
import dev.quarry.agent.ssh.AgentEndpoint;
import dev.quarry.agent.ssh.HqKeys;
import dev.quarry.agent.state.StateStore;
import dev.quarry.agent.supervise.SupervisedRuntime;
import dev.quarry.agent.verbs.Containers;
import dev.quarry.agent.verbs.Verbs;
import dev.quarry.compiler.spec.RuntimeKind;
import dev.quarry.ssh.LockedDownServer;
import java.io.IOException;
import java.security.PublicKey;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running agent: its SSH endpoint, and the runtimes behind it with what they found from an earlier
 * agent on the same home. Closing it stops the endpoint and lets go of the containers, which keep
 * running for the next agent to find.
 */
public final class Agent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

    private final LockedDownServer endpoint;
    private final Containers containers;
    private final Verbs verbs;
    private final ExecutorService executor;
    private final String id;
    private final ProcessLock lock;

    private Agent(LockedDownServer endpoint, Containers containers, Verbs verbs, ExecutorService executor, String id,
            ProcessLock lock) {
        this.lock = lock;
        this.endpoint = endpoint;
        this.containers = containers;
        this.verbs = verbs;
        this.executor = executor;
        this.id = id;
    }

    public static Agent start(AgentSettings settings) throws IOException {
        AgentHome home = new AgentHome(settings.home());
        AtomicFiles.createSecretFolder(home.root());
        ProcessLock lock = ProcessLock.take(home.root().resolve("agent.lock"), owner -> new RuntimeFailure(
                "another agent runs on " + home.root() + "; stop it first, or give this one its own --home"));
        try {
            return assemble(settings, home, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static Agent assemble(AgentSettings settings, AgentHome home, ProcessLock lock) throws IOException {
        StateStore store = StateStore.open(home.state());
        PortAllocator ports = new PortAllocator(store, settings.ports(), PortCheck.BIND);
        Map<RuntimeKind, Runtime> runtimes = new EnumMap<>(RuntimeKind.class);
        Map<RuntimeKind, String> missing = new EnumMap<>(RuntimeKind.class);
        ProcessLauncher processes = new ProcessLauncher(home, settings.cgroupRoot(), settings.logCap());
        processes.refusal().ifPresent(reason -> LOG.warn("{}", reason));
        runtimes.put(RuntimeKind.PROCESS, SupervisedRuntime.open(processes, store, settings.clock(),
                settings.backoff()));
        openDocker(settings, home, store).ifPresentOrElse(docker -> runtimes.put(RuntimeKind.DOCKER, docker),
                () -> missing.put(RuntimeKind.DOCKER, "the Docker daemon at " + settings.dockerHost()
                        + " does not answer; start dockerd and restart the agent"));
        HealthChecker health = new HealthChecker(settings.clock(), settings.probes(), HttpProbe.sharedClient());
        Containers containers = new Containers(runtimes, missing, ports, health, new Hooks(home));
        Verbs verbs = new Verbs(containers, new ReleaseSources(home, SourceLimits.DEFAULT), home.agentId(),
                settings.ports());
        ExecutorService executor = Executors.newCachedThreadPool(task ->
                Thread.ofPlatform().daemon().name("agent verb").unstarted(task));
        try {
            LockedDownServer endpoint = AgentEndpoint.start(settings.listen(), home.hostKey(),
                    new HqKeys(settings.hqKeys()), verbs, executor);
            LOG.info("agent {} listening on {}:{} (home {}, ports {})", home.agentId(),
                    settings.listen().getHostString(), endpoint.port(), home.root(), settings.ports());
            return new Agent(endpoint, containers, verbs, executor, home.agentId(), lock);
        } catch (IOException | RuntimeException e) {
            containers.detach();
            executor.shutdownNow();
            throw e;
        }
    }

    private static java.util.Optional<Runtime> openDocker(AgentSettings settings, AgentHome home, StateStore store) {
        DockerClient client = DockerClients.open(settings.dockerHost());
        try {
            DockerClients.requireAnswer(client, settings.dockerHost());
        } catch (RuntimeFailure e) {
            LOG.warn("{}; docker containers cannot run here", e.getMessage());
            closeQuietly(client);
            return Optional.empty();
        }
        return Optional.of(SupervisedRuntime.open(new DockerLauncher(client, home), store, settings.clock(),
                settings.backoff()));
    }

    public int port() {
        return endpoint.port();
    }

    public PublicKey hostKey() {
        return endpoint.hostKey();
    }

    public String id() {
        return id;
    }

    /** The containers, for callers in the same JVM (tests, benchmarks). */
    public Containers containers() {
        return containers;
    }

    /** The verbs, as the SSH endpoint runs them. */
    public Verbs verbs() {
        return verbs;
    }

    @Override
    public void close() throws IOException {
        try {
            endpoint.close();
        } finally {
            containers.detach();
            executor.shutdownNow();
            lock.close();
        }
    }

    private static void closeQuietly(DockerClient client) {
        try {
            client.close();
        } catch (IOException e) {
            // closing is best effort
        }
    }
}
