package dev.quarry.cli.remote;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The verbs that run on HQ, one small picocli command each. */
public final class Verbs {
    private Verbs() {}

    /** Every verb, for the top-level command's subcommands. */
    public static final Class<?>[] ALL = {Apps.class, Ps.class, Servers.class, Grid.class, Scale.class, Logs.class,
        Run.class, Releases.class, Rollback.class, Config.class, AccessVerbs.Keys.class, AccessVerbs.Access.class,
        AccessVerbs.Audit.class, Cache.class, Dashboard.class, AppVerbs.Restart.class, AppVerbs.Destroy.class};

    @Command(name = "dashboard", mixinStandardHelpOptions = true,
            description = "Print a one-time link (single use, 60 s) that logs this key in to HQ's web dashboard.")
    static final class Dashboard extends RemoteCommand {
        @Override
        List<String> words(HqTarget target) {
            return List.of("dashboard");
        }
    }

    @Command(name = "apps", mixinStandardHelpOptions = true, description = "List the apps (stacks) on HQ.")
    static final class Apps extends RemoteCommand {
        @Option(names = "--json", description = "print JSON") boolean json;

        @Override
        List<String> words(HqTarget target) {
            return with(List.of("apps"), json, "--json");
        }
    }

    @Command(name = "ps", mixinStandardHelpOptions = true,
            description = "List the app's containers (the whole grid's with --all or outside an app).")
    static final class Ps extends RemoteCommand {
        @Option(names = "--all", description = "every app's containers") boolean all;
        @Option(names = "--json", description = "print JSON") boolean json;
        @Option(names = "--health", description = "each container's last liveness probes") boolean health;

        @Override
        List<String> words(HqTarget target) {
            List<String> words = new ArrayList<>(List.of("ps"));
            if (!all) {
                target.app().ifPresent(words::add);
            }
            return with(with(words, json, "--json"), health, "--health");
        }
    }

    @Command(name = "servers", mixinStandardHelpOptions = true, description = "List the grid's servers.")
    static final class Servers extends RemoteCommand {
        @Option(names = "--json", description = "print JSON") boolean json;

        @Override
        List<String> words(HqTarget target) {
            return with(List.of("servers"), json, "--json");
        }
    }

    @Command(name = "grid", mixinStandardHelpOptions = true,
            description = "Show how containers are packed onto servers (the app's, or all with --all).")
    static final class Grid extends RemoteCommand {
        @Option(names = "--all", description = "the whole grid") boolean all;
        @Option(names = "--json", description = "print JSON") boolean json;
        @Parameters(arity = "0..1", paramLabel = "consolidate",
                description = "consolidate --dry-run: the moves a move-budgeted round would make now") String action;
        @Option(names = "--dry-run", description = "with consolidate: print the moves, move nothing") boolean dryRun;

        @Override
        List<String> words(HqTarget target) {
            List<String> words = new ArrayList<>(List.of("grid"));
            if (action != null) {
                words.add(action);
                return with(words, dryRun, "--dry-run");
            }
            if (!all) {
                target.app().ifPresent(words::add);
            }
            return with(words, json, "--json");
        }
    }

    @Command(name = "scale", mixinStandardHelpOptions = true, description = "Change how many containers nodes run.")
    static final class Scale extends RemoteCommand {
        @Parameters(arity = "1..*", paramLabel = "NODE=COUNT", description = "such as web=3 worker=1") List<String> counts;

        @Override
        List<String> words(HqTarget target) {
            List<String> words = new ArrayList<>(List.of("scale", app(target)));
            words.addAll(counts);
            return words;
        }
    }

    @Command(name = "logs", mixinStandardHelpOptions = true,
            description = "Show the app's last log lines (-f to follow), or a release's whole build log (--build).")
    static final class Logs extends RemoteCommand {
        private static final String LIVE = "live";

        @Option(names = {"-f", "--follow"}, description = "keep printing new lines until Ctrl-C") boolean follow;
        @Option(names = {"-n", "--lines"}, paramLabel = "N", description = "lines per container") Integer lines;
        @Option(names = "--build", arity = "0..1", fallbackValue = LIVE, paramLabel = "RELEASE",
                description = "the whole build log of RELEASE (default: the live one)") String build;
        @Parameters(arity = "0..1", paramLabel = "NODE", description = "only this node") String node;

        @Override
        List<String> words(HqTarget target) {
            List<String> words = new ArrayList<>(List.of("logs", app(target)));
            if (build != null) {
                words.add("--build");
                if (!LIVE.equals(build)) {
                    words.add(build);
                }
                return words;
            }
            if (node != null) {
                words.add(node);
            }
            if (lines != null) {
                words.addAll(List.of("-n", Integer.toString(lines)));
            }
            return with(words, follow, "-f");
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run a one-off command of the app's live release (its env, sandbox and limits), such as"
                    + " quarry run -- sh -c 'echo $PORT'; its output and exit status come back.")
    static final class Run extends RemoteCommand {
        @Option(names = "--node", paramLabel = "NODE", description = "beside this node (default: the first with a"
                + " run command, web usually)") String node;
        @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "after --: the command and its words")
        List<String> command;

        @Override
        List<String> words(HqTarget target) {
            List<String> words = new ArrayList<>(List.of("run", app(target)));
            if (node != null) {
                words.add(node);
            }
            words.add("--");
            words.addAll(command);
            return words;
        }
    }

    @Command(name = "releases", mixinStandardHelpOptions = true, description = "List the app's releases.")
    static final class Releases extends RemoteCommand {
        @Option(names = "--json", description = "print JSON") boolean json;

        @Override
        List<String> words(HqTarget target) {
            return with(List.of("releases", app(target)), json, "--json");
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Redeploy an earlier release (default: the one before the current) at the current scale.")
    static final class Rollback extends RemoteCommand {
        @Parameters(arity = "0..1", paramLabel = "RELEASE", description = "the release number") Integer release;
        @Option(names = "--with-scale", description = "take that release's scale too") boolean withScale;

        @Override
        List<String> words(HqTarget target) {
            List<String> words = new ArrayList<>(List.of("rollback", app(target)));
            if (release != null) {
                words.add(Integer.toString(release));
            }
            if (withScale) {
                words.add("--with-scale");
            }
            return words;
        }
    }

    @Command(name = "config", mixinStandardHelpOptions = true,
            description = "Show the app's env, or change it: config set KEY=VALUE... | config unset KEY...")
    static final class Config extends RemoteCommand {
        @Option(names = "--json", description = "print JSON") boolean json;
        @Parameters(arity = "0..*", paramLabel = "set KEY=VALUE... | unset KEY...") List<String> change = List.of();

        @Override
        List<String> words(HqTarget target) {
            List<String> words = new ArrayList<>(List.of("config", app(target)));
            words.addAll(change);
            return with(words, json, "--json");
        }
    }

    @Command(name = "cache", mixinStandardHelpOptions = true,
            description = "Empty the app's build cache (npm's, Maven's downloads) on every server: cache clear")
    static final class Cache extends RemoteCommand {
        @Parameters(paramLabel = "clear", description = "the action: clear") String action;

        @Override
        List<String> words(HqTarget target) {
            return List.of("cache", app(target), action);
        }
    }
}
