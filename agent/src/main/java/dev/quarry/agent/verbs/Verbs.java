package dev.quarry.agent.verbs;

import dev.quarry.agent.builds.BuildArtifacts;
import dev.quarry.agent.firewall.FirewallRequest;
import dev.quarry.agent.firewall.HostFirewall;
import dev.quarry.agent.hook.HookRequest;
import dev.quarry.agent.ports.PortRange;
import dev.quarry.agent.protocol.AgentJson;
import dev.quarry.agent.protocol.Answers;
import dev.quarry.agent.protocol.BadRequest;
import dev.quarry.agent.protocol.BuildRequest;
import dev.quarry.agent.protocol.IdRequest;
import dev.quarry.agent.protocol.LogsRequest;
import dev.quarry.agent.protocol.OneOffRequest;
import dev.quarry.agent.protocol.ReleaseRequest;
import dev.quarry.agent.protocol.StackRequest;
import dev.quarry.agent.protocol.StopRequest;
import dev.quarry.agent.protocol.Verb;
import dev.quarry.agent.runtime.BuildOutcome;
import dev.quarry.agent.runtime.ContainerRequest;
import dev.quarry.agent.runtime.OutputLines;
import dev.quarry.agent.runtime.PrepareRequest;
import dev.quarry.agent.runtime.Quoted;
import dev.quarry.agent.runtime.RuntimeFailure;
import dev.quarry.agent.source.ReleaseSources;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one verb: {@code VERB} with a JSON request on stdin ({@code run-once} streams its command's output as
 * progress lines, as a build does), or {@code receive-source STACK RELEASE}
 * with a tar stream on stdin, or {@code list} and {@code locknet-confirm} with nothing. Answers one line
 * of JSON.
 */
public final class Verbs {
    private static final Logger LOG = LoggerFactory.getLogger(Verbs.class);
    private static final int LARGEST_REQUEST = 1024 * 1024;

    private final Containers containers;
    private final ReleaseSources sources;
    private final String agentId;
    private final PortRange ports;
    private final HostFirewall firewall;
    private final BuildArtifacts builds;

    /** Verbs whose locknet verbs drive this machine's iptables (only once one is called). */
    public Verbs(Containers containers, ReleaseSources sources, String agentId, PortRange ports) {
        this(containers, sources, agentId, ports, HostFirewall.onThisHost());
    }

    public Verbs(Containers containers, ReleaseSources sources, String agentId, PortRange ports,
            HostFirewall firewall) {
        this.containers = containers;
        this.sources = sources;
        this.agentId = agentId;
        this.ports = ports;
        this.firewall = firewall;
        this.builds = new BuildArtifacts(sources.home(), sources);
    }

    public VerbOutcome run(String commandLine, InputStream stdin) {
        return run(commandLine, stdin, OutputLines.NONE);
    }

    /**
     * Runs one verb; {@code prepare} and {@code run-hook} hand their build's or hook's output lines to
     * {@code progress} while they run, before the answer.
     */
    public VerbOutcome run(String commandLine, InputStream stdin, OutputLines progress) {
        return run(commandLine, stdin, progress, () -> true);
    }

    /** The same; {@code run-once} kills its command once {@code connected} turns false (HQ left). */
    public VerbOutcome run(String commandLine, InputStream stdin, OutputLines progress, BooleanSupplier connected) {
        try {
            List<String> words = VerbLine.words(commandLine);
            Verb verb = VerbLine.verb(words);
            Object answer = switch (verb) {
                case RECEIVE_SOURCE -> receive(words, stdin);
                case RECEIVE_BUILD -> receiveBuild(words, stdin);
                case SEND_BUILD -> throw new BadRequest("send-build writes a tar stream; it is run by runStreaming");
                case RUN_ONCE -> runOnce(words, stdin, progress, connected);
                default -> answer(verb, words, stdin, progress);
            };
            return new VerbOutcome(VerbOutcome.OK, AgentJson.write(answer));
        } catch (BadRequest | IllegalArgumentException e) {
            return failure(VerbOutcome.REFUSED, commandLine, e.getMessage(), List.of());
        } catch (RuntimeFailure e) {
            return failure(VerbOutcome.FAILED, commandLine, e.getMessage(), e.lines());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(VerbOutcome.FAILED, commandLine, "the agent is shutting down; try again", List.of());
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} failed", Quoted.of(commandLine), e);
            return failure(VerbOutcome.FAILED, commandLine, RuntimeFailure.firstLine(e), List.of());
        }
    }

    private Object answer(Verb verb, List<String> words, InputStream stdin, OutputLines progress)
            throws IOException, InterruptedException {
        VerbLine.requireNoArguments(verb, words);
        return switch (verb) {
            case LIST -> new Answers.Listing(agentId, ports.toString(), containers.list(), containers.notes(),
                    containers.oneOffs());
            case START -> containers.start(read(stdin, ContainerRequest.class));
            case STOP -> stop(read(stdin, StopRequest.class));
            case REMOVE -> remove(read(stdin, StopRequest.class));
            case LOGS -> logs(read(stdin, LogsRequest.class));
            case HEALTH -> containers.health(read(stdin, IdRequest.class).id());
            case PREPARE -> prepare(read(stdin, PrepareRequest.class), progress);
            case RUN_HOOK -> containers.runHook(read(stdin, HookRequest.class), progress);
            case REMOVE_RELEASE -> removeRelease(read(stdin, ReleaseRequest.class));
            case LOCKNET_APPLY -> firewall.apply(read(stdin, FirewallRequest.class));
            case LOCKNET_CONFIRM -> firewall.confirm();
            case HAS_BUILD -> builds.has(read(stdin, BuildRequest.class));
            case CLEAR_CACHE -> builds.clearCache(read(stdin, StackRequest.class));
            case REMOVE_STACK -> removeStack(read(stdin, StackRequest.class));
            case RECEIVE_SOURCE, RECEIVE_BUILD, SEND_BUILD, RUN_ONCE ->
                    throw new IllegalStateException(verb.word() + " reads or writes a tar stream");
        };
    }

    /** Whether {@code commandLine} is a verb whose answer is a stream on stdout ({@link #runStreaming}). */
    public static boolean streams(String commandLine) {
        return commandLine != null && commandLine.strip().startsWith(Verb.SEND_BUILD.word() + " ");
    }

    /**
     * Runs {@code send-build STACK KEY}: the build's artifact as a tar stream on {@code stdout} (exit status 0,
     * no JSON answer), or the one-line JSON error for stderr.
     */
    public VerbOutcome runStreaming(String commandLine, OutputStream stdout) {
        try {
            builds.send(VerbLine.build(VerbLine.words(commandLine), 3), stdout);
            return new VerbOutcome(VerbOutcome.OK, "");
        } catch (BadRequest | IllegalArgumentException e) {
            return failure(VerbOutcome.REFUSED, commandLine, e.getMessage(), List.of());
        } catch (RuntimeFailure e) {
            return failure(VerbOutcome.FAILED, commandLine, e.getMessage(), e.lines());
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} failed", Quoted.of(commandLine), e);
            return failure(VerbOutcome.FAILED, commandLine, RuntimeFailure.firstLine(e), List.of());
        }
    }

    private Answers.Ran runOnce(List<String> words, InputStream stdin, OutputLines output, BooleanSupplier connected)
            throws IOException {
        VerbLine.requireNoArguments(Verb.RUN_ONCE, words);
        OneOffRequest request = read(stdin, OneOffRequest.class);
        LOG.info("run-once beside {}: {}", request.from(), Quoted.of(request.program()));
        return containers.runOnce(request, output, connected);
    }

    private Answers.Build receiveBuild(List<String> words, InputStream stdin) throws IOException {
        BuildRequest build = VerbLine.build(words, 5);
        return builds.receive(build, VerbLine.builtRelease(words), VerbLine.sha256(words), stdin);
    }

    private Answers.Stopped stop(StopRequest request) {
        return containers.stop(request.id(), request.grace());
    }

    private Answers.Stopped remove(StopRequest request) {
        return containers.remove(request.id(), request.grace());
    }

    private Answers.Logs logs(LogsRequest request) {
        return new Answers.Logs(request.id(), containers.logs(request.id(), request.lines()));
    }

    private Answers.Prepared prepare(PrepareRequest request, OutputLines progress) {
        BuildOutcome outcome = containers.prepare(request, progress);
        return new Answers.Prepared(request.describe(), outcome.built(), outcome.elapsedMillis(),
                outcome.reusedRelease());
    }

    private Answers.ReleaseRemoved removeRelease(ReleaseRequest request) {
        List<String> running = containers.activeIn(request.stack(), request.release());
        if (!running.isEmpty()) {
            throw new RuntimeFailure(request.stack() + " release " + request.release() + " still runs " + running
                    + "; stop and remove those containers first");
        }
        return new Answers.ReleaseRemoved(request.stack(), request.release(),
                sources.remove(request.stack(), request.release()));
    }

    private Answers.StackRemoved removeStack(StackRequest request) {
        List<String> running = containers.list().stream()
                .filter(status -> status.stack().equals(request.stack())).map(status -> status.id()).toList();
        if (!running.isEmpty()) {
            throw new RuntimeFailure(request.stack() + " still has containers here " + running
                    + "; remove them first");
        }
        return new Answers.StackRemoved(request.stack(), StackFolders.remove(sources.home(), request.stack()));
    }

    private Object receive(List<String> words, InputStream stdin) {
        ReleaseRequest release = VerbLine.release(words);
        return sources.receive(release.stack(), release.release(), stdin);
    }

    private static <T> T read(InputStream stdin, Class<T> type) throws IOException {
        byte[] bytes = stdin.readNBytes(LARGEST_REQUEST + 1);
        if (bytes.length > LARGEST_REQUEST) {
            throw new BadRequest("a request is at most " + LARGEST_REQUEST + " bytes of JSON");
        }
        return AgentJson.read(new String(bytes, StandardCharsets.UTF_8), type);
    }

    private static VerbOutcome failure(int exitCode, String commandLine, String message, List<String> lines) {
        String line = message == null ? "failed" : message.strip().lines().findFirst().orElse("failed");
        LOG.info("{} answered {}: {}", Quoted.of(commandLine), exitCode, line);
        return new VerbOutcome(exitCode, AgentJson.write(new Answers.Failure(line, lines)));
    }
}
