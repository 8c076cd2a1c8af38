package dev.quarry.cli.demo;

import dev.quarry.cli.up.UpCommand;
import dev.quarry.hq.Hq;
import dev.quarry.hq.HqOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;

/**
 * {@code quarry demo}: {@code quarry up}, then pushes the bundled example app with git, waits until it
 * serves through the router, prints its URL, and keeps running until Ctrl-C.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run quarry up, push the bundled example app, and print where it is served.")
public final class DemoCommand extends UpCommand {
    private static final int SERVED_TRIES = 300;

    @Override
    protected void afterStart(HqOptions options, Hq hq, PrintWriter out) throws IOException, InterruptedException {
        String sshHost = options.listen().getHostString();
        String knownLine = "[" + sshHost + "]:" + hq.port() + " " + hq.hostKeyLine();
        DemoPush push = DemoPush.prepare(hq.home().root().resolve("demo"), hq.home().keys(), knownLine);
        out.println("\nPushing the example app (hello) ...");
        out.flush();
        String output = push.push("ssh://quarry@" + sshHost + ":" + hq.port() + "/hello");
        output.lines().filter(line -> line.startsWith("remote: -----> ")).forEach(out::println);
        var router = options.grid().orElseThrow().router();
        awaitServed(router.listenHost(), router.listenPort());
        out.println("\nThe example is served: curl -H 'Host: hello.localhost' http://" + router.listenHost() + ":"
                + router.listenPort() + "/   (or http://hello.localhost:" + router.listenPort() + "/ in a browser)");
        out.println("Its source is in " + hq.home().root().resolve("demo/hello") + "; change it, commit and git push"
                + " quarry main again.");
        out.flush();
    }

    private static void awaitServed(String host, int port) throws IOException, InterruptedException {
        for (int tries = 0; tries < SERVED_TRIES; tries++) {
            if (served(host, port)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IOException("the example was pushed but http://" + host + ":" + port
                + " does not serve hello.localhost after 30 s; see quarry logs --app hello");
    }

    private static boolean served(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            socket.setSoTimeout(2000);
            socket.getOutputStream().write("GET / HTTP/1.0\r\nHost: hello.localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return answer.startsWith("HTTP/1.1 200") && answer.contains("hello from Quarry");
        } catch (IOException e) {
            return false;
        }
    }
}
