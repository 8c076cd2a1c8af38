package dev.quarry.pacific.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real launcher's command line, the one the agent module's command will answer to. */
class JavaAgentLauncherTest {
    @Test
    void runsTheCliMainClassWithTheAgentArguments() {
        JavaAgentLauncher launcher = new JavaAgentLauncher(Path.of("/usr/lib/jvm/jdk/bin/java"), "/opt/quarry/quarry.jar");
        AgentCommand command = new AgentCommand(Path.of("/home/quarry/servers/local-1/agent"), "127.0.0.2", 10000,
                Path.of("/home/quarry/servers/local-1/hq.pub"), new PortRange(10001, 10499),
                Path.of("/home/quarry/servers/local-1/agent.log"));

        assertEquals(List.of("/usr/lib/jvm/jdk/bin/java", "-cp", "/opt/quarry/quarry.jar", "dev.quarry.agent.AgentMain",
                "agent", "--home", "/home/quarry/servers/local-1/agent", "--listen", "127.0.0.2:10000",
                "--hq-key", "/home/quarry/servers/local-1/hq.pub", "--ports", "10001-10499"),
                launcher.commandLine(command));
    }

    @Test
    void forThisJvmUsesThisJvmsJavaAndClassPath() {
        AgentCommand command = new AgentCommand(Path.of("h"), "127.0.0.2", 10000, Path.of("k"),
                new PortRange(10001, 10002), Path.of("l"));

        List<String> line = JavaAgentLauncher.forThisJvm().commandLine(command);

        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), line.get(0));
        assertEquals(System.getProperty("java.class.path"), line.get(2));
    }
}
