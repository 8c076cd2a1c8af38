package dev.quarry.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts a main class in a new JVM with this test's class path, so a test can kill it with -9. */
public final class JavaProcesses {
    private JavaProcesses() {}

    /**
     * Starts {@code java -cp <this class path> mainClass arguments...}; stdout and stderr go to the
     * given files. The caller ends it with {@link Commands#kill} or {@link Process#destroy}.
     */
    public static Process start(String mainClass, List<String> arguments, Path directory, Path stdout, Path stderr)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(arguments);
        return Commands.start(command, directory, Map.of(), stdout.toFile(), stderr.toFile());
    }
}
