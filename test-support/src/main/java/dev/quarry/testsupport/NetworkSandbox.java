package dev.quarry.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The namespaces, links into them and processes inside them that one test made. {@link #close()} stops the
 * processes (by their own handles: SIGTERM, SIGKILL after 5 s), then removes the links and namespaces, and
 * fails the test if any of them stayed. Call it from {@code @AfterEach}, so it runs after a failure too.
 */
public final class NetworkSandbox implements AutoCloseable {
    private final String prefix;
    private final List<NetworkNamespace> namespaces = new ArrayList<>();
    private final List<HostLink> links = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    /** @param prefix two to four letters naming the test's namespaces, such as {@code qfw} */
    public NetworkSandbox(String prefix) {
        if (!prefix.matches("[a-z]{2,4}")) {
            throw new IllegalArgumentException("the prefix is 2 to 4 letters a-z, got " + prefix);
        }
        this.prefix = prefix;
    }

    /** A new namespace with a unique name, removed by {@link #close()}. */
    public NetworkNamespace namespace() {
        NetworkNamespace namespace = NetworkNamespace.create(NetworkNamespace.uniqueName(prefix));
        namespaces.add(namespace);
        return namespace;
    }

    /** A new namespace reached from this machine through a veth pair on a free /24 under {@code firstTwoOctets}. */
    public HostLink linkedNamespace(String firstTwoOctets) {
        NetworkNamespace namespace = namespace();
        HostLink link = HostLink.create(namespace, firstTwoOctets);
        links.add(link);
        return link;
    }

    /** Starts a long-running program inside a namespace, its output to files; {@link #close()} stops it. */
    public Process start(NetworkNamespace namespace, List<String> command, Path stdout, Path stderr) {
        try {
            Process process = Commands.start(namespace.inside(command), Path.of(System.getProperty("java.io.tmpdir")),
                    Map.of(), stdout.toFile(), stderr.toFile());
            processes.add(process);
            return process;
        } catch (IOException e) {
            throw new AssertionError("cannot start " + String.join(" ", command) + " in " + namespace.name() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Starts {@code java -cp <this test's class path> mainClass arguments...} inside a namespace (tuned to start
     * quickly), its output to files; {@link #close()} stops it.
     */
    public Process startJava(NetworkNamespace namespace, String mainClass, List<String> arguments, Path stdout,
            Path stderr) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(arguments);
        return start(namespace, command, stdout, stderr);
    }

    /** Starts a program inside whose output nobody reads. */
    public Process start(NetworkNamespace namespace, String... command) {
        File nowhere = new File("/dev/null");
        return start(namespace, List.of(command), nowhere.toPath(), nowhere.toPath());
    }

    @Override
    public void close() {
        processes.forEach(NetworkSandbox::stop);
        List<String> left = new ArrayList<>();
        links.reversed().stream().filter(link -> !link.delete()).forEach(link -> left.add(link.hostInterface()));
        namespaces.reversed().stream().filter(namespace -> !namespace.delete())
                .forEach(namespace -> left.add("namespace " + namespace.name()));
        processes.clear();
        links.clear();
        namespaces.clear();
        if (!left.isEmpty()) {
            throw new AssertionError("could not remove " + left + "; remove them by hand with ip link delete"
                    + " and ip netns delete");
        }
    }

    /** SIGTERM to the process (and its children), SIGKILL to whatever still runs after 5 s; all by PID. */
    private static void stop(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                Commands.kill(process);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Commands.kill(process);
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
