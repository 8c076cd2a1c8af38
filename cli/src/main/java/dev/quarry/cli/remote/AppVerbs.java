package dev.quarry.cli.remote;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The verbs over an app's whole life: restarting its containers, destroying it. */
final class AppVerbs {
    private AppVerbs() {}

    @Command(name = "restart", mixinStandardHelpOptions = true,
            description = "Restart the app's containers (or one node's), rolling: each new one is healthy and routed"
                    + " before the old one drains. Same code, config and scale; nothing is built.")
    static final class Restart extends RemoteCommand {
        @Parameters(arity = "0..1", paramLabel = "NODE", description = "only this node") String node;

        @Override
        List<String> words(HqTarget target) {
            List<String> words = new ArrayList<>(List.of("restart", app(target)));
            if (node != null) {
                words.add(node);
            }
            return words;
        }
    }

    @Command(name = "destroy", mixinStandardHelpOptions = true,
            description = "Remove the app for good: its containers and routes, releases, sources, builds and homes on"
                    + " every server, its repository, config and access grants. Needs --confirm APP.")
    static final class Destroy extends RemoteCommand {
        @Parameters(arity = "0..1", paramLabel = "APP", description = "the app (default: this repository's)") String app;
        @Option(names = "--confirm", paramLabel = "APP", description = "the app's name again") String confirm;

        @Override
        List<String> words(HqTarget target) {
            List<String> words = new ArrayList<>(List.of("destroy", app != null ? app : app(target)));
            if (confirm != null) {
                words.addAll(List.of("--confirm", confirm));
            }
            return words;
        }
    }
}
