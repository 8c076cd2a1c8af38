package dev.quarry.pacific.local;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the agent in a JVM of its own with this JVM's class path:
 * {@code java -cp <class path> dev.quarry.agent.AgentMain agent --home ... --listen ... --hq-key ... --ports ...}
 * (the agent module is on the class path of every JVM that runs HQ, the CLI's jar included).
 */
public final class JavaAgentLauncher implements AgentLauncher {
    public static final String MAIN_CLASS = "dev.quarry.agent.AgentMain";

    private final Path java;
    private final String classPath;

    public JavaAgentLauncher(Path java, String classPath) {
        this.java = requireNonNull(java, "java is null");
        this.classPath = requireNonNull(classPath, "classPath is null");
    }

    /** The java binary running this JVM, and its class path (HQ's, which holds the agent). */
    public static JavaAgentLauncher forThisJvm() {
        return new JavaAgentLauncher(Path.of(System.getProperty("java.home"), "bin", "java"),
                System.getProperty("java.class.path"));
    }

    /** The whole command line, a pure function. */
    public List<String> commandLine(AgentCommand command) {
        List<String> line = new ArrayList<>(List.of(java.toString(), "-cp", classPath, MAIN_CLASS));
        line.addAll(command.arguments());
        return line;
    }

    @Override
    public LaunchedAgent launch(AgentCommand command) throws IOException {
        File log = command.log().toFile();
        Process process = new ProcessBuilder(commandLine(command))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .redirectErrorStream(true)
                .start();
        return LaunchedAgent.of(process.toHandle());
    }
}
