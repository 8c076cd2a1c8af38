package dev.quarry.hq.commands;

import dev.quarry.agent.client.AgentException;
import dev.quarry.hq.access.AppAction;
import dev.quarry.hq.access.Request;
import dev.quarry.hq.build.BuildLogs;
import dev.quarry.hq.grid.Grid;
import dev.quarry.hq.grid.RunningContainer;
import dev.quarry.hq.release.StackState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code logs APP [NODE] [-n N] [-f]}: the last N lines (default 100) of each of the app's containers, from
 * their agents; with {@code -f}, then every new line as it comes, until the client goes away. {@code logs APP
 * --build [RELEASE]}: the whole build log of a release (default: the live one), as HQ kept it.
 */
final class LogsVerb implements Verb {
    static final String USAGE = "logs APP [NODE] [-n LINES] [-f]  or  logs APP --build [RELEASE]";
    private static final String BUILD = "--build";
    static final java.time.Duration FOLLOW_POLL = java.time.Duration.ofSeconds(1);
    static final int DEFAULT_LINES = 100;
    static final int MOST_LINES = 10_000;

    private final StackState state;
    private final Optional<Grid> grid;
    private final BuildLogs builds;

    LogsVerb(StackState state, Optional<Grid> grid, BuildLogs builds) {
        this.state = state;
        this.grid = grid;
        this.builds = builds;
    }

    @Override
    public Request request(List<String> words) {
        return new Request.OnApp(arguments(new ArrayList<>(words)).app(0), AppAction.READ_LOGS);
    }

    @Override
    public int run(VerbContext context) {
        List<String> words = new ArrayList<>(context.arguments());
        int lines = lineCount(words);
        Arguments arguments = arguments(words);
        String app = arguments.app(0);
        StackLookup.require(state, app);
        if (arguments.has(BUILD)) {
            int release = BuildLogsOutput.release(state, app, arguments.positional(), USAGE);
            BuildLogsOutput.print(builds, app, release, context.out());
            return 0;
        }
        if (grid.isEmpty()) {
            throw new VerbFailure("logs of " + app + " are not available: this HQ runs without a grid, so no"
                    + " containers run; start it with --router to run them");
        }
        Optional<String> node = arguments.positional().size() > 1 ? Optional.of(arguments.positional().get(1))
                : Optional.empty();
        java.util.function.Supplier<List<RunningContainer>> current = () -> grid.get().list().ofStack(app).stream()
                .filter(container -> node.isEmpty() || container.status().node().equals(node.get()))
                .sorted(Comparator.comparing(RunningContainer::id)).toList();
        List<RunningContainer> containers = current.get();
        if (containers.isEmpty()) {
            throw new VerbFailure("no containers of " + app + node.map(name -> "/" + name).orElse("")
                    + " run on the grid; see: ps " + app);
        }
        LogFollower follower = new LogFollower(grid.get(), current, FOLLOW_POLL);
        for (RunningContainer container : containers) {
            context.out().println("==> " + container.id() + " on " + container.server().id() + " <==");
            try {
                List<String> last = grid.get().agent(container.server()).logs(container.id(), lines);
                last.forEach(context.out()::println);
                follower.printedAlready(container.id(), last);
            } catch (AgentException e) {
                context.out().println("(no logs: " + e.getMessage() + ")");
            }
        }
        if (arguments.has("-f")) {
            follower.follow(context.out(), context.connected());
        }
        return 0;
    }

    /** The words checked: {@code --build} goes with neither {@code -n} nor {@code -f}. */
    private static Arguments arguments(List<String> words) {
        boolean counted = words.contains("-n");
        lineCount(words);
        Arguments arguments = Arguments.parse(words, Set.of("-f", BUILD), USAGE).atMost(2);
        if (arguments.has(BUILD) && (counted || arguments.has("-f"))) {
            throw VerbFailure.usage("--build prints a whole build log; it takes no -n or -f", USAGE);
        }
        return arguments;
    }

    /** Takes {@code -n N} out of the words; answers N, or the default. */
    private static int lineCount(List<String> words) {
        int at = words.indexOf("-n");
        if (at < 0) {
            return DEFAULT_LINES;
        }
        if (at == words.size() - 1 || !words.get(at + 1).matches("[0-9]{1,5}")
                || Integer.parseInt(words.get(at + 1)) < 1 || Integer.parseInt(words.get(at + 1)) > MOST_LINES) {
            throw VerbFailure.usage("-n takes a number of lines from 1 to " + MOST_LINES, USAGE);
        }
        int count = Integer.parseInt(words.get(at + 1));
        words.remove(at + 1);
        words.remove(at);
        return count;
    }
}
