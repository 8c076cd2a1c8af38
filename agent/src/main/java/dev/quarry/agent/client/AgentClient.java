package dev.quarry.agent.client;

import dev.quarry.agent.firewall.FirewallApplied;
import dev.quarry.agent.firewall.FirewallConfirmed;
import dev.quarry.agent.firewall.FirewallRequest;
import dev.quarry.agent.health.HealthVerdict;
import dev.quarry.agent.hook.HookRequest;
import dev.quarry.agent.hook.HookResult;
import dev.quarry.agent.protocol.AgentJson;
import dev.quarry.agent.protocol.Answers;
import dev.quarry.agent.protocol.BuildRequest;
import dev.quarry.agent.protocol.IdRequest;
import dev.quarry.agent.protocol.LogsRequest;
import dev.quarry.agent.protocol.OneOffRequest;
import dev.quarry.agent.protocol.ReleaseRequest;
import dev.quarry.agent.protocol.StackRequest;
import dev.quarry.agent.protocol.StopRequest;
import dev.quarry.agent.protocol.Verb;
import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.ContainerStatus;
import dev.quarry.agent.runtime.OutputLines;
import dev.quarry.agent.runtime.PrepareRequest;
import dev.quarry.agent.runtime.RuntimeFailure;
import dev.quarry.agent.source.ReceivedSource;
import dev.quarry.agent.source.TarWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Drives one agent's verbs over SSH: each method is one exec request with a JSON request on stdin
 * and a JSON answer on stdout. Every verb is idempotent by container id, so a caller may retry any
 * call that failed with {@link AgentException#UNREACHED}. Safe for use from several threads.
 */
public final class AgentClient implements AutoCloseable {
    private final AgentSession session;
    private final AgentTimeouts timeouts;

    AgentClient(AgentSession session, AgentTimeouts timeouts) {
        this.session = session;
        this.timeouts = timeouts;
    }

    /** Starts a container (port null: the agent assigns one); answers its status, the port included. */
    public ContainerStatus start(ContainerRequest request) {
        return call(Verb.START, request.id(), request, ContainerStatus.class, timeouts.transfer());
    }

    /** Stops a container, SIGKILL after 10 seconds. */
    public Answers.Stopped stop(String id) {
        return stop(id, StopRequest.DEFAULT_GRACE);
    }

    public Answers.Stopped stop(String id, Duration grace) {
        return call(Verb.STOP, id, new StopRequest(id, grace), Answers.Stopped.class, timeouts.verb().plus(grace));
    }

    /** Stops a container if needed and forgets it (its Docker container, log and port). */
    public Answers.Stopped remove(String id, Duration grace) {
        return call(Verb.REMOVE, id, new StopRequest(id, grace), Answers.Stopped.class, timeouts.verb().plus(grace));
    }

    public Answers.Listing list() {
        return call(Verb.LIST, "", null, Answers.Listing.class, timeouts.verb());
    }

    /** The container's last {@code lines} lines of output, oldest first. */
    public List<String> logs(String id, int lines) {
        return call(Verb.LOGS, id, new LogsRequest(id, lines), Answers.Logs.class, timeouts.verb()).lines();
    }

    /** Waits until the container is healthy or its health deadline (from its start) passed. */
    public HealthVerdict health(String id) {
        return call(Verb.HEALTH, id, new IdRequest(id), HealthVerdict.class, timeouts.transfer());
    }

    /** Runs a release's hook once (a retry after success answers the recorded result). */
    public HookResult runHook(HookRequest request) {
        return runHook(request, OutputLines.NONE);
    }

    /** The same, the hook's output lines to {@code output} while it runs. */
    public HookResult runHook(HookRequest request, OutputLines output) {
        return call(Verb.RUN_HOOK, request.describe(), request, HookResult.class,
                request.timeout().plus(timeouts.verb()), output);
    }

    /**
     * Runs a one-off command beside a running container ({@code quarry run}), its output lines to {@code output} as
     * they come; when {@code wanted} turns false (the caller left) the call is given up and the agent kills the
     * command. Not idempotent: a retry runs the command again.
     */
    public Answers.Ran runOnce(OneOffRequest request, OutputLines output, BooleanSupplier wanted) {
        byte[] json = AgentJson.write(request).getBytes(StandardCharsets.UTF_8);
        AgentCall.Result result;
        try {
            result = AgentCall.run(session.open(), Verb.RUN_ONCE.word(), stdin -> stdin.write(json),
                    request.timeout().plus(timeouts.verb()), output, wanted);
        } catch (AgentException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new AgentException(session.name() + " did not answer run-once: " + RuntimeFailure.firstLine(e), e);
        }
        return answer(Verb.RUN_ONCE, "a one-off beside " + request.from(), result, Answers.Ran.class);
    }

    /** Builds or pulls what a release needs, once per release. */
    public Answers.Prepared prepare(PrepareRequest request) {
        return prepare(request, OutputLines.NONE);
    }

    /** The same, the build's output lines to {@code output} while it runs. */
    public Answers.Prepared prepare(PrepareRequest request, OutputLines output) {
        return call(Verb.PREPARE, request.describe(), request, Answers.Prepared.class, timeouts.transfer(), output);
    }

    /** Sends a release's source folder as a tar stream; a release the agent has already is kept as it was. */
    public ReceivedSource sendSource(String stack, int release, Path folder) {
        ReleaseRequest checked = new ReleaseRequest(stack, release);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no folder " + folder + " to send as the source of " + stack);
        }
        String line = Verb.RECEIVE_SOURCE.word() + " " + checked.stack() + " " + checked.release();
        AgentCall.Input tar = stdin -> TarWriter.writeFolder(folder, stdin);
        return answer(Verb.RECEIVE_SOURCE, stack + " release " + release, exec(line, tar, timeouts.transfer()),
                ReceivedSource.class);
    }

    /** Which release built {@code key} of {@code stack}, if the agent keeps that build (release 0: it does not). */
    public Answers.Build hasBuild(String stack, String key) {
        return call(Verb.HAS_BUILD, stack + " build " + key, new BuildRequest(stack, key), Answers.Build.class,
                timeouts.verb());
    }

    /** Writes the agent's kept build of {@code key} to {@code tar} as a tar stream (an AgentException if none). */
    public void fetchBuild(String stack, String key, OutputStream tar) {
        BuildRequest checked = new BuildRequest(stack, key);
        String line = Verb.SEND_BUILD.word() + " " + checked.stack() + " " + checked.key();
        AgentCall.Result result;
        try {
            result = AgentCall.download(session.open(), line, timeouts.transfer(), tar);
        } catch (AgentException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            session.close();
            throw new AgentException(session.name() + " did not answer send-build: " + RuntimeFailure.firstLine(e),
                    e);
        }
        if (result.exitStatus() == null || result.exitStatus() != 0) {
            answer(Verb.SEND_BUILD, stack + " build " + key, result, Answers.Build.class);
            throw new AgentException(session.name() + ": send-build " + stack + " build " + key + ": exit status "
                    + result.exitStatus(), 1, List.of());
        }
    }

    /**
     * Sends a build of {@code key} that {@code release} made on another server (the tar file {@code tar}, whose
     * SHA-256 is {@code sha256}); the agent keeps it in place of building, and checks the digest.
     */
    public Answers.Build sendBuild(String stack, String key, int release, String sha256, Path tar) {
        BuildRequest checked = new BuildRequest(stack, key);
        if (!sha256.matches("[0-9a-f]{64}") || release < 1) {
            throw new IllegalArgumentException("a build's release is 1 or more and its SHA-256 64 hex digits, got "
                    + release + " and " + sha256);
        }
        String line = String.join(" ", Verb.RECEIVE_BUILD.word(), checked.stack(), checked.key(),
                String.valueOf(release), sha256);
        AgentCall.Input input = stdin -> Files.copy(tar, stdin);
        return answer(Verb.RECEIVE_BUILD, stack + " build " + key, exec(line, input, timeouts.transfer()),
                Answers.Build.class);
    }

    /** Empties the stack's build cache (its HOME, where npm's and Maven's caches live) on the agent's server. */
    public Answers.CacheCleared clearCache(String stack) {
        return call(Verb.CLEAR_CACHE, stack, new StackRequest(stack), Answers.CacheCleared.class, timeouts.verb());
    }

    /**
     * Deletes every folder the agent keeps for a stack (sources, builds, hooks, logs, its HOME and identity);
     * refused while the agent still has a container of it.
     */
    public Answers.StackRemoved removeStack(String stack) {
        return call(Verb.REMOVE_STACK, stack, new StackRequest(stack), Answers.StackRemoved.class, timeouts.transfer());
    }

    /** Deletes a release's source; refused while containers of that release run. */
    public Answers.ReleaseRemoved removeRelease(String stack, int release) {
        return call(Verb.REMOVE_RELEASE, stack + " release " + release, new ReleaseRequest(stack, release),
                Answers.ReleaseRemoved.class, timeouts.verb());
    }

    /**
     * Loads locknet's rules for the grid on the agent's host. They roll back by themselves unless
     * {@link #confirmFirewall()} reaches the agent within {@code request.confirmTimeout()}.
     */
    public FirewallApplied applyFirewall(FirewallRequest request) {
        return call(Verb.LOCKNET_APPLY, "", request, FirewallApplied.class, timeouts.verb());
    }

    /**
     * Keeps the rules of the latest {@link #applyFirewall} if it is not too late, or answers that they were
     * rolled back. It always travels over a NEW SSH connection, opened for this call and closed after it,
     * never over this client's own (which may predate the rules): getting through is the proof that HQ can
     * still reach the host. An {@link AgentException} that it was not reached means the new rules may have
     * locked HQ out; the agent then restores its previous rules by itself when the timeout runs out.
     */
    public FirewallConfirmed confirmFirewall() {
        try (AgentSession fresh = session.fresh()) {
            AgentCall.Result result = exec(fresh, Verb.LOCKNET_CONFIRM.word(), stdin -> { }, timeouts.verb());
            return answer(Verb.LOCKNET_CONFIRM, "", result, FirewallConfirmed.class);
        }
    }

    /**
     * HQ's heartbeat: an SSH keepalive over this client's kept connection (opened within {@code wait} if it
     * is not open), answered by the agent's SSH server within {@code wait}; an {@link AgentException} when
     * no answer came.
     */
    public void heartbeat(Duration wait) {
        session.heartbeat(wait);
    }

    /** {@code agent HOST:PORT}. */
    public String name() {
        return session.name();
    }

    @Override
    public void close() {
        session.close();
    }

    private <T> T call(Verb verb, String subject, Object request, Class<T> answer, Duration timeout) {
        return call(verb, subject, request, answer, timeout, OutputLines.NONE);
    }

    private <T> T call(Verb verb, String subject, Object request, Class<T> answer, Duration timeout,
            OutputLines progress) {
        byte[] json = request == null ? new byte[0] : AgentJson.write(request).getBytes(StandardCharsets.UTF_8);
        return answer(verb, subject, exec(session, verb.word(), stdin -> stdin.write(json), timeout, progress),
                answer);
    }

    private AgentCall.Result exec(String line, AgentCall.Input input, Duration timeout) {
        return exec(session, line, input, timeout, OutputLines.NONE);
    }

    private static AgentCall.Result exec(AgentSession session, String line, AgentCall.Input input,
            Duration timeout) {
        return exec(session, line, input, timeout, OutputLines.NONE);
    }

    private static AgentCall.Result exec(AgentSession session, String line, AgentCall.Input input,
            Duration timeout, OutputLines progress) {
        try {
            return AgentCall.run(session.open(), line, input, timeout, progress);
        } catch (AgentException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            session.close();
            throw new AgentException(session.name() + " did not answer " + line.split(" ")[0] + ": "
                    + RuntimeFailure.firstLine(e), e);
        }
    }

    private <T> T answer(Verb verb, String subject, AgentCall.Result result, Class<T> type) {
        return AgentAnswers.read(session.name(), verb, subject, result, type);
    }
}
