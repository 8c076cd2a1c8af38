package dev.quarry.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How HQ and the agent log: Quarry's own lines at info, libraries' at warn, on stderr with the time
 * (slf4j-simple), unless set otherwise with -D; libraries logging through java.util.logging (grpc and
 * Netty under jetcd) at warnings only.
 */
public final class DaemonLogging {
    private static final List<String> QUIET = List.of("io.grpc", "io.netty", "io.vertx");
    /** Held so the levels stay set: java.util.logging keeps its loggers weakly. */
    private static final List<Logger> HELD = new ArrayList<>();

    private DaemonLogging() {}

    public static synchronized void configure() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.log.dev.quarry",
                System.getProperty("org.slf4j.simpleLogger.log.dev.quarry", "info"));
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSX");
        for (String name : QUIET) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.WARNING);
            HELD.add(logger);
        }
    }
}
