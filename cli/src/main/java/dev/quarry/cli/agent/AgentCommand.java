package dev.quarry.cli.agent;

import dev.quarry.agent.AgentMain;
import dev.quarry.agent.AgentOptions;
import dev.quarry.agent.AgentSettings;
import dev.quarry.cli.ExitCodes;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quarry agent [--home DIR] [--listen ADDR:PORT] [--hq-key FILE] [--ports FROM-TO]}: runs a server's agent. */
@Command(name = "agent", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Run this server's agent until stopped: an SSH endpoint that accepts only HQ's key and only agent verbs"
                    + " (start, stop, list, logs, health, remove, prepare, run-hook, receive-source, remove-release),"
                    + " and the Docker and process runtimes behind it.",
            "",
            "Containers keep running when the agent stops; the next agent on the same home finds them again."})
public final class AgentCommand implements Callable<Integer> {
    @Option(names = "--home", paramLabel = "DIR",
            description = "where the agent keeps its host key, state, release sources and logs (default:"
                    + " QUARRY_AGENT_HOME, else QUARRY_HOME/agent, else /home/quarry/agent for root,"
                    + " ~/.quarry/agent for anyone else)")
    String home;

    @Option(names = "--listen", paramLabel = "ADDR:PORT",
            description = "address and port of the SSH endpoint (default: " + AgentOptions.DEFAULT_LISTEN
                    + "; a server HQ reaches over the network listens on its own address)")
    String listen;

    @Option(names = "--hq-key", paramLabel = "FILE",
            description = "HQ's public key(s), authorized_keys format (default: HOME/hq.pub)")
    String hqKey;

    @Option(names = "--ports", paramLabel = "FROM-TO",
            description = "the ports handed out to containers (default: 20000-29999)")
    String ports;

    @Option(names = "--docker-host", paramLabel = "URL",
            description = "the Docker daemon (default: unix:///var/run/docker.sock)")
    String dockerHost;

    @Option(names = "--etcd", paramLabel = "URL",
            description = "mirror the files HQ keeps in etcd under /quarry/files/ onto HOME/files, such as"
                    + " http://10.0.0.1:2379")
    String etcd;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        AgentSettings settings;
        try {
            settings = AgentOptions.of(Optional.ofNullable(home), Optional.ofNullable(listen),
                    Optional.ofNullable(hqKey), Optional.ofNullable(ports), Optional.ofNullable(dockerHost),
                    System.getenv());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("quarry agent: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ExitCodes.INVALID_INPUT;
        }
        return AgentMain.serve(settings, Optional.ofNullable(etcd), System.out, System.err);
    }
}
