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
    private final List<String> extraOptions;

    public JavaAgentLauncher(Path java, String classPath) {
        this(java, classPath, List.of());
    }

    /** @param extraOptions agent options every local server gets, such as {@code --etcd URL} */
    public JavaAgentLauncher(Path java, String classPath, List<String> extraOptions) {
        this.java = requireNonNull(java, "java is null");
        this.classPath = requireNonNull(classPath, "classPath is null");
        this.extraOptions = List.copyOf(extraOptions);
    }

    /** The java binary running this JVM, and its class path (HQ's, which holds the agent). */
    public static JavaAgentLauncher forThisJvm() {
        return forThisJvm(List.of());
    }

    /** The same, each agent given {@code extraOptions} too. */
    public static JavaAgentLauncher forThisJvm(List<String> extraOptions) {
        return new JavaAgentLauncher(Path.of(System.getProperty("java.home"), "bin", "java"),
                System.getProperty("java.class.path"), extraOptions);
    }

    /** The whole command line, a pure function. */
    public List<String> commandLine(AgentCommand command) {
        List<String> line = new ArrayList<>(List.of(java.toString(), "-cp", classPath, MAIN_CLASS));
        line.addAll(command.arguments());
        line.addAll(extraOptions);
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
