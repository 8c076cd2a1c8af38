package dev.quarry.cli.bench;

import dev.quarry.cli.ExitCodes;
import dev.quarry.files.AtomicFiles;
import dev.quarry.router.bench.RouterBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quarry bench router}: for each domain count, a fresh nginx under a temporary folder on a
 * free loopback port; prints one line of figures per count.
 */
@Command(name = "router", mixinStandardHelpOptions = true,
        description = "Measure applying N routed domains through nginx: render, nginx -t, reload; and nginx's memory.")
public final class RouterBenchCommand implements Callable<Integer> {
    @Option(names = "--domains", split = ",", paramLabel = "N[,N...]", defaultValue = "100,1000,10000,100000",
            description = "domain counts to measure (default: ${DEFAULT-VALUE})")
    List<Integer> domains;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (domains.stream().anyMatch(count -> count < 1 || count > 1_000_000)) {
            err.println("quarry bench router: --domains: each count must be from 1 to 1000000, got " + domains);
            return ExitCodes.INVALID_INPUT;
        }
        for (int count : domains) {
            Path prefix = Files.createTempDirectory("quarry-bench-router");
            try {
                out.println("router " + RouterBenchmark.run(count, prefix, freePort()));
                out.flush();
            } finally {
                AtomicFiles.deleteTree(prefix);
            }
        }
        return ExitCodes.OK;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
