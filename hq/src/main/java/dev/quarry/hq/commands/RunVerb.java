package dev.quarry.hq.commands;

import dev.quarry.agent.client.AgentException;
import dev.quarry.agent.protocol.Answers;
import dev.quarry.agent.protocol.OneOffRequest;
import dev.quarry.agent.runtime.ContainerState;
import dev.quarry.compiler.plan.Stack;
import dev.quarry.compiler.read.Names;
import dev.quarry.compiler.spec.NodeSpec;
import dev.quarry.compiler.spec.RuntimeKind;
import dev.quarry.hq.access.AppAction;
import dev.quarry.hq.access.Request;
import dev.quarry.hq.grid.Grid;
import dev.quarry.hq.grid.RunningContainer;
import dev.quarry.hq.release.StackState;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code run APP [NODE] -- CMD...}: a one-off command of the app's live release, as Heroku's and Dokku's
 * {@code run}: beside a running container of NODE (default: the app's first node with a run command) on its server,
 * with that container's env, sandbox, user and limits; its output streamed back as it comes, its exit status the
 * verb's, listed by {@code ps} while it runs, killed when the caller leaves. No port check, no routing, never
 * restarted. The words after {@code --} run as they are (nothing split or expanded again): a shell line goes in
 * {@code sh -c '...'}.
 */
final class RunVerb implements Verb {
    static final String USAGE = "run APP [NODE] -- COMMAND...";
    private static final String END_OF_OPTIONS = "--";

    private final StackState state;
    private final Grid grid;

    RunVerb(StackState state, Optional<Grid> grid) {
        this.state = state;
        this.grid = grid.orElse(null);
    }

    /** The verb's words: the app, the node if named, and the command. */
    record Words(String app, Optional<String> node, List<String> command) {
        static Words parse(List<String> words) {
            int end = words.indexOf(END_OF_OPTIONS);
            if (end < 0) {
                throw VerbFailure.usage("put the command after --", USAGE);
            }
            Arguments before = Arguments.parse(words.subList(0, end), Set.of(), USAGE).atMost(2);
            String app = before.app(0);
            Optional<String> node = before.positional().size() > 1 ? Optional.of(before.positional().get(1))
                    : Optional.empty();
            if (node.isPresent() && !Names.isName(node.get())) {
                throw VerbFailure.usage(Arguments.quote(node.get()) + " is not a node name (" + Names.NAME_RULE + ")",
                        USAGE);
            }
            List<String> command = words.subList(end + 1, words.size());
            if (command.isEmpty()) {
                throw VerbFailure.usage("name the command to run after --", USAGE);
            }
            return new Words(app, node, List.copyOf(command));
        }
    }

    @Override
    public Request request(List<String> words) {
        return new Request.OnApp(Words.parse(words).app(), AppAction.RUN);
    }

    @Override
    public int run(VerbContext context) {
        Words words = Words.parse(context.arguments());
        Stack stack = StackLookup.currentStack(state, words.app());
        NodeSpec node = node(stack, words);
        if (grid == null) {
            throw new VerbFailure("this HQ runs no grid, so " + words.app() + " runs nowhere to run a command beside");
        }
        RunningContainer beside = beside(words.app(), stack, node);
        OneOffRequest request;
        try {
            request = new OneOffRequest(beside.id(), words.command(), null);
        } catch (IllegalArgumentException e) {
            throw new VerbFailure(e.getMessage(), VerbFailure.USAGE);
        }
        context.caller().audit(words.app(), "run " + words.app() + " " + node.name() + " -- " + request.program());
        Answers.Ran ran;
        try {
            ran = grid.agent(beside.server()).runOnce(request, line -> context.out().println(line),
                    context.connected());
        } catch (AgentException e) {
            if (!context.connected().getAsBoolean()) {
                return 1;
            }
            throw new VerbFailure("the command did not run beside " + beside.id() + " on " + beside.server().id() + ": "
                    + e.error());
        }
        if (ran.timedOut()) {
            throw new VerbFailure(ran.id() + " ran past " + OneOffRequest.DEFAULT_TIMEOUT.toHours()
                    + " hours and was killed");
        }
        return ran.exitStatus();
    }

    private static NodeSpec node(Stack stack, Words words) {
        String app = words.app();
        if (words.node().isEmpty()) {
            return stack.spec().nodes().values().stream()
                    .filter(node -> node.container().run() != null && node.runtime() == RuntimeKind.PROCESS)
                    .findFirst().orElseThrow(() -> new VerbFailure(app + " has no process node with a run command to"
                            + " run a command beside; one-off commands run in process nodes only for now"));
        }
        NodeSpec node = stack.spec().nodes().get(words.node().get());
        if (node == null) {
            throw new VerbFailure(app + " has no node " + words.node().get() + " in release " + stack.release()
                    + "; its nodes: " + String.join(", ", stack.spec().nodes().keySet()), VerbFailure.USAGE);
        }
        if (node.runtime() != RuntimeKind.PROCESS) {
            throw new VerbFailure(app + "/" + node.name() + " is a docker node; one-off commands run in process nodes"
                    + " only for now");
        }
        return node;
    }

    /** A running container of the node, of the live release if one runs (the newest otherwise). */
    private RunningContainer beside(String app, Stack stack, NodeSpec node) {
        return grid.list().ofStack(app).stream()
                .filter(container -> container.status().node().equals(node.name())
                        && container.status().state() == ContainerState.RUNNING)
                .max(Comparator.<RunningContainer>comparingInt(container ->
                                container.status().release() == stack.release() ? 1 : 0)
                        .thenComparingInt(container -> container.status().release())
                        .thenComparing(RunningContainer::id, Comparator.reverseOrder()))
                .orElseThrow(() -> new VerbFailure(app + "/" + node.name() + " runs no container now to run a command"
                        + " beside; see: ps " + app + ", or scale it up: scale " + app + " " + node.name() + "=1"));
    }
}
