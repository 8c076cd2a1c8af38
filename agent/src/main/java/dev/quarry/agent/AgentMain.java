package dev.quarry.agent;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an agent in the foreground until the process is told to stop (SIGTERM, Ctrl-C). Its
 * containers keep running when it stops; the next agent on the same home finds them again.
 */
public final class AgentMain {
    private AgentMain() {}

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
