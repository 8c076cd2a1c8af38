package dev.quarry.cli.local;

import dev.quarry.cli.ExitCodes;
import dev.quarry.cli.build.QuarryFileReading;
import dev.quarry.compiler.ParseResult;
import dev.quarry.compiler.QuarryFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quarry start}: runs the whole stack of a folder on this machine — services first, their published
 * env passed to the nodes, health waits, routes — with the same runtimes as servers, by a private Quarry
 * of the app's own. The folder's files are deployed as they are (committed or not, .gitignore honoured).
 */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Run the stack of this folder on this machine (again after changes); quarry stop stops it.")
public final class StartCommand implements Callable<Integer> {
    @Option(names = {"-C", "--directory"}, paramLabel = "DIR", description = "the stack's folder (default: this one)")
    Path directory = Path.of("");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Path folder = directory.toAbsolutePath().normalize();
        Path file = folder.resolve(QuarryFile.NAME);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": not found; run quarry start in the stack's folder or pass -C DIR");
        }
        ParseResult result = QuarryFile.parse(file.toString(), QuarryFileReading.read(file),
                QuarryFileReading.defaultName(folder));
        if (result instanceof ParseResult.Invalid invalid) {
            spec.commandLine().getErr().print(invalid.report());
            spec.commandLine().getErr().flush();
            return ExitCodes.INVALID_INPUT;
        }
        String app = ((ParseResult.Parsed) result).spec().name();
        LocalQuarry local = LocalQuarry.of(app);
        Properties running = local.running().isPresent() ? local.running().get() : startQuietly(local, out);
        String pushed = push(local, folder, app, running);
        pushed.lines().filter(line -> line.startsWith("remote: ")).map(line -> line.substring(8).stripTrailing())
                .forEach(out::println);
        out.println("\n" + app + " runs on this machine: http://127.0.0.1:" + running.getProperty("http")
                + " (by Host: its domains). quarry ps --local, quarry logs --local, quarry stop.");
        out.flush();
        return ExitCodes.OK;
    }

    private static Properties startQuietly(LocalQuarry local, PrintWriter out) throws IOException, InterruptedException {
        out.println("-----> starting a private Quarry for this app (log: " + local.folder().resolve("quarry.log") + ")");
        out.flush();
        return local.start();
    }

    private static String push(LocalQuarry local, Path folder, String app, Properties running)
            throws IOException, InterruptedException {
        Path key = Programs.ensureKey(local.key(), "quarry-start");
        Files.copy(local.key().resolveSibling("key.pub"), local.folder().resolve("home/keys/local.pub"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(local.knownHosts(), local.hostKeyLine() + "\n");
        Map<String, String> environment = Programs.gitEnvironment(key, local.knownHosts());
        Path source = local.folder().resolve("source.git");
        if (!Files.isDirectory(source)) {
            Programs.run(local.folder(), environment, "git", "init", "-q", "--bare", "-b", "main", source.toString());
        }
        String gitDir = "--git-dir=" + source;
        String workTree = "--work-tree=" + folder;
        Programs.run(folder, environment, "git", gitDir, workTree, "add", "-A");
        Programs.run(folder, environment, "git", gitDir, workTree, "commit", "-q", "--allow-empty", "-m", "quarry start");
        try {
            return Programs.run(folder, environment, "git", gitDir, "push", "-f",
                    "ssh://quarry@127.0.0.1:" + running.getProperty("ssh") + "/" + app, "HEAD:main");
        } catch (IOException e) {
            throw new IOException("the stack did not start: " + e.getMessage()
                    + "; quarry logs --local shows the app's output", e);
        }
    }
}
