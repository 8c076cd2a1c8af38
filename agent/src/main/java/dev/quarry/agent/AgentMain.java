package dev.quarry.agent;

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
            + " [--docker-host URL]";
    private static final List<String> OPTIONS = List.of("--home", "--listen", "--hq-key", "--ports", "--docker-host");

    private AgentMain() {}

    /**
     * {@code java -cp ... dev.quarry.agent.AgentMain agent [options]}: the same words as {@code quarry agent},
     * for a JVM that holds the agent but not the CLI (pacific's local servers started by HQ).
     */
    public static void main(String[] args) {
        AgentSettings settings;
        try {
            settings = parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("quarry agent: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(serve(settings, System.out, System.err));
    }

    /** The settings from {@code agent} and its options, as {@link #USAGE} shows them. */
    static AgentSettings parse(List<String> args) {
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
        return AgentOptions.of(Optional.ofNullable(values.get("--home")), Optional.ofNullable(values.get("--listen")),
                Optional.ofNullable(values.get("--hq-key")), Optional.ofNullable(values.get("--ports")),
                Optional.ofNullable(values.get("--docker-host")), System.getenv());
    }

    /** Serves until stopped; answers the exit status (1 when the agent could not start). */
    public static int serve(AgentSettings settings, PrintStream out, PrintStream err) {
        quietLibraries();
        Agent agent;
        try {
            agent = Agent.start(settings);
        } catch (IOException | RuntimeException e) {
            err.println("quarry agent: cannot start on " + settings.listen().getHostString() + ":"
                    + settings.listen().getPort() + ": " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
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

    /** The agent's own lines at info, libraries' at warn, unless set otherwise with -D. */
    private static void quietLibraries() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.log.dev.quarry",
                System.getProperty("org.slf4j.simpleLogger.log.dev.quarry", "info"));
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSX");
    }

    private static void closeQuietly(Agent agent) {
        try {
            agent.close();
        } catch (IOException | RuntimeException e) {
            // stopping anyway
        }
    }
}
