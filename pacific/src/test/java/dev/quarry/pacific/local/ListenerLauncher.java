package dev.quarry.pacific.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The hand-made launcher of the local tests: instead of the agent (another module), it starts a child JVM running
 * {@link LoopbackListener} on the agent's address and port, so the real TCP probe succeeds, and the provider has
 * a real PID to stop.
 */
final class ListenerLauncher implements AgentLauncher {
    private final boolean silent;
    private final List<AgentCommand> commands = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    private ListenerLauncher(boolean silent) {
        this.silent = silent;
    }

    static ListenerLauncher listening() {
        return new ListenerLauncher(false);
    }

    /** Starts processes that never listen, like an agent that does not come up. */
    static ListenerLauncher silent() {
        return new ListenerLauncher(true);
    }

    @Override
    public synchronized LaunchedAgent launch(AgentCommand command) throws IOException {
        commands.add(command);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> line = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), LoopbackListener.class.getName()));
        line.addAll(silent ? List.of("--silent") : List.of(command.address(), Integer.toString(command.port())));
        Process process = new ProcessBuilder(line)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(command.log().toFile()))
                .redirectErrorStream(true)
                .start();
        processes.add(process);
        return LaunchedAgent.of(process.toHandle());
    }

    synchronized List<AgentCommand> commands() {
        return List.copyOf(commands);
    }

    /** Kills whatever a test left running, and waits until it is gone so its port is free for the next test. */
    synchronized void killAll() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly().waitFor();
        }
    }
}
