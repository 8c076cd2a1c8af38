package dev.quarry.hq.endtoend;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.testsupport.BusyboxImage;
import dev.quarry.testsupport.CommandResult;
import dev.quarry.testsupport.GitWorkTree;
import dev.quarry.testsupport.LoopbackFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints how long releases of a Maven-built Java app take through HQ on one local server
 * (the maven and a JDK package; plugins from a loopback mirror of the local repository Quarry's own build filled,
 * which is why the pom pins the plugin versions Quarry's pom uses): the first push (empty cache), a second push of a new
 * commit with the same pom (cached), then {@code config set} and {@code rollback} (the build reused). Also written
 * to {@code target/maven-build-benchmark.txt}. It asserts what the figures rest on: the first build downloads from
 * the mirror, the second downloads nothing (the stack's cache kept), and config set and rollback build nothing.
 */
class MavenBuildBenchmark {
    private static final String QUARRY_FILE = """
            nodes:
              web:
                build: ['mvn -B -s .mvn/settings.xml compile']
                run: exec java -Xmx64m -cp target/classes Main
                port: 8080
                memory: 1G
                domains: [maven.test]
            """;
    private static final String POM = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>example</groupId>
              <artifactId>greeting</artifactId>
              <version>1</version>
              <properties>
                <maven.compiler.source>17</maven.compiler.source>
                <maven.compiler.target>17</maven.compiler.target>
                <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
              </properties>
              <build>
                <plugins>
                  <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                  <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version></plugin>
                </plugins>
              </build>
            </project>
            """;
    /** Every repository mirrored by the loopback one: the app's Maven reaches nothing else. */
    private static final String SETTINGS = """
            <settings>
              <mirrors>
                <mirror><id>loopback</id><mirrorOf>*</mirrorOf><url>%s</url></mirror>
              </mirrors>
            </settings>
            """;
    private static final String MAIN = """
            public class Main {
                public static void main(String[] args) throws Exception {
                    var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(
                            System.getenv("HOST"), Integer.parseInt(System.getenv("PORT"))), 0);
                    server.createContext("/", exchange -> {
                        byte[] body = "%s\\n".getBytes();
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                        exchange.close();
                    });
                    server.start();
                }
            }
            """;

    @TempDir
    Path root;

    @Test
    void releasesOfAMavenApp() throws IOException {
        BusyboxImage.requireBusybox();
        List<String> results = new ArrayList<>();
        try (LoopbackFiles mirror = LoopbackFiles.serve(localRepository());
                RunningGrid grid = RunningGrid.start(root.resolve("grid"), 1)) {
            GitWorkTree tree = grid.hq().workTree("maven");
            tree.write("quarry.yml", QUARRY_FILE).write("pom.xml", POM)
                    .write(".mvn/settings.xml", SETTINGS.formatted(mirror.url()))
                    .write("src/main/java/Main.java", MAIN.formatted("one")).commit("one");
            List<String> first = new ArrayList<>();
            results.add(time("first_push_empty_cache", first, () -> tree.push(RunningHq.url("maven"), "main")
                    .requireSuccess()));
            assertTrue(first.stream().anyMatch(line -> line.contains("Downloaded from loopback: " + mirror.url())),
                    String.join("\n", first));
            assertFalse(first.stream().anyMatch(line -> line.contains("Downloading from ")
                    && !line.contains("Downloading from loopback: " + mirror.url())), String.join("\n", first));
            tree.write("src/main/java/Main.java", MAIN.formatted("two")).commit("two");
            List<String> second = new ArrayList<>();
            results.add(time("second_push_same_pom_cached", second, () -> tree.push(RunningHq.url("maven"), "main")
                    .requireSuccess()));
            assertTrue(second.stream().anyMatch(line -> line.startsWith("-----> build web (")), String.join("\n", second));
            assertFalse(second.stream().anyMatch(line -> line.contains("Downloaded from")), String.join("\n", second));
            List<String> config = new ArrayList<>();
            results.add(time("config_set", config, () -> grid.hq().alice().run("config", "maven", "set", "A=1")
                    .requireSuccess()));
            List<String> rollback = new ArrayList<>();
            results.add(time("rollback", rollback, () -> grid.hq().alice().run("rollback", "maven", "1")
                    .requireSuccess()));
            assertFalse(config.stream().anyMatch(line -> line.startsWith("-----> build web (")), String.join("\n", config));
            assertFalse(rollback.stream().anyMatch(line -> line.startsWith("-----> build web (")),
                    String.join("\n", rollback));
        }
        results.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "maven-build-benchmark.txt"), results);
    }

    /** The local Maven repository this test's own classes came from (JUnit's jar is {@code REPO/org/junit/...}). */
    private static Path localRepository() {
        try {
            Path jar = Path.of(Test.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path repository = jar;
            for (int level = 0; level < "org/junit/jupiter/junit-jupiter-api/VERSION/JAR".split("/").length; level++) {
                repository = repository.getParent();
            }
            if (!Files.isDirectory(repository.resolve("org/apache/maven/plugins/maven-compiler-plugin"))) {
                throw new IllegalStateException("no local Maven repository with the plugins at " + repository);
            }
            return repository;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How long {@code action} took, and the build's own time when it built ({@code -----> build web (N s)}). */
    private static String time(String what, List<String> lines, Supplier<CommandResult> action) {
        long began = System.nanoTime();
        CommandResult result = action.get();
        long elapsed = (System.nanoTime() - began) / 1_000_000;
        lines.addAll(GitWorkTree.remoteLines(result));
        lines.addAll(result.stdout().lines().toList());
        String built = lines.stream().filter(line -> line.startsWith("-----> build web ("))
                .findFirst().map(line -> " (" + line.substring("-----> ".length()) + ")").orElse("");
        return "build=maven " + what + "_ms=" + elapsed + built;
    }
}
