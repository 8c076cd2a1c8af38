package dev.quarry.agent;

import dev.quarry.agent.files.FileMirror;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an agent in the foreground until the process is told to stop (SIGTERM, Ctrl-C). Its
 * containers keep running when it stops; the next agent on the same home finds them again.
 */
public final class AgentMain {
    static final String USAGE = "agent [--home DIR] [--listen ADDR:PORT] [--hq-key FILE] [--ports FROM-TO]"
            + " [--docker-host URL] [--etcd URL]";
    private static final List<String> OPTIONS = List.of("--home", "--listen", "--hq-key", "--ports", "--docker-host",
            "--etcd");

    private AgentMain() {}

    /**
     * {@code java -cp ... dev.quarry.agent.AgentMain agent [options]}: the same words as {@code quarry agent},
     * for a JVM that holds the agent but not the CLI (pacific's local servers started by HQ).
     */
    public static void main(String[] args) {
        AgentSettings settings;
        Optional<String> etcd;
        try {
            Map<String, String> values = values(List.of(args));
            settings = settings(values);
            etcd = Optional.ofNullable(values.get("--etcd"));
        } catch (IllegalArgumentException e) {
            System.err.println("quarry agent: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(serve(settings, etcd, System.out, System.err));
    }

    /** The option values after {@code agent}, as {@link #USAGE} shows them. */
    static Map<String, String> values(List<String> args) {
        List<String> rest = new ArrayList<>(args);
        if (rest.isEmpty() || !rest.removeFirst().equals("agent")) {
            throw new IllegalArgumentException("usage: " + USAGE);
        }
        Map<String, String> values = new HashMap<>();
        while (!rest.isEmpty()) {
            String option = rest.removeFirst();
            if (rest.isEmpty() || !OPTIONS.contains(option)) {
                throw new IllegalArgumentException("unknown argument " + option + "; usage: " + USAGE);
            }
            values.put(option, rest.removeFirst());
        }
        return values;
    }

    static AgentSettings settings(Map<String, String> values) {
        return AgentOptions.of(Optional.ofNullable(values.get("--home")), Optional.ofNullable(values.get("--listen")),
                Optional.ofNullable(values.get("--hq-key")), Optional.ofNullable(values.get("--ports")),
                Optional.ofNullable(values.get("--docker-host")), System.getenv());
    }

    /** Serves until stopped; answers the exit status (1 when the agent could not start). */
    public static int serve(AgentSettings settings, PrintStream out, PrintStream err) {
        return serve(settings, Optional.empty(), out, err);
    }

    /**
     * Serves until stopped, mirroring etcd's {@code /quarry/files/} onto {@code HOME/files} when given etcd's
     * URL; answers the exit status (1 when the agent or the mirror could not start).
     */
    public static int serve(AgentSettings settings, Optional<String> etcd, PrintStream out, PrintStream err) {
        dev.quarry.ssh.DaemonLogging.configure();
        Agent agent;
        try {
            agent = Agent.start(settings);
        } catch (IOException | RuntimeException e) {
            err.println("quarry agent: cannot start on " + settings.listen().getHostString() + ":"
                    + settings.listen().getPort() + ": " + e.getMessage());
            return 1;
        }
        Optional<FileMirror> mirror;
        try {
            mirror = etcd.isEmpty() ? Optional.empty() : Optional.of(FileMirror.start(etcd.get(),
                    FileMirror.DEFAULT_PREFIX, settings.home().resolve("files")));
        } catch (IOException | RuntimeException e) {
            err.println("quarry agent: cannot mirror files from etcd at " + etcd.orElseThrow() + ": " + e.getMessage());
            closeQuietly(agent);
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mirror.ifPresent(FileMirror::close);
            closeQuietly(agent);
            stopped.countDown();
        }, "agent shutdown"));
        out.println("quarry agent " + agent.id() + ": listening on " + settings.listen().getHostString() + ":"
                + agent.port() + " (home " + settings.home().toAbsolutePath() + ", HQ's key " + settings.hqKeys()
                + ", ports " + settings.ports() + ")");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }


    private static void closeQuietly(Agent agent) {
        try {
            agent.close();
        } catch (IOException | RuntimeException e) {
            // stopping anyway
        }
    }
}
