package dev.quarry.agent.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.quarry.agent.source.TarEntry;
import dev.quarry.agent.source.TarWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * A tiny Docker image made here, no registry needed: a root file system holding busybox-static and
 * its applet links, plus {@code /www}, imported through the Docker API (create image from source).
 */
public final class BusyboxImage {
    public static final String REPOSITORY = "quarry-test/busybox";
    /** Serves the image's {@code /www} on HOST:PORT in the foreground. */
    public static final String SERVE = "exec httpd -f -p $HOST:$PORT -h /www";
    private static final List<String> APPLETS = List.of("sh", "httpd", "sleep", "cat", "echo", "nc", "ls", "kill",
            "env", "wc", "true", "false");

    private BusyboxImage() {}

    /**
     * Imports the image as {@code quarry-test/busybox:TAG} and answers its reference. It posts to the
     * create-image-from-source endpoint through docker-java's HTTP client: docker-java 3.7.1's
     * CreateImageCmd sends a body the daemon reads as cut short ("ApplyLayer ... unexpected EOF").
     */
    public static String importAs(String dockerHost, String tag) {
        Busybox.require();
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.POST)
                .path("/images/create?fromSrc=-&repo=" + REPOSITORY + "&tag=" + tag)
                .headers(Map.of("Content-Type", "application/x-tar"))
                .body(new ByteArrayInputStream(rootFileSystem()))
                .build();
        try (DockerHttpClient http = new ApacheDockerHttpClient.Builder().dockerHost(URI.create(dockerHost)).build();
                DockerHttpClient.Response response = http.execute(request)) {
            String answer = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            if (response.getStatusCode() != 200 || answer.contains("\"error")) {
                throw new AssertionError("cannot import the busybox test image: " + answer);
            }
            return REPOSITORY + ":" + tag;
        } catch (IOException e) {
            throw new AssertionError("cannot import the busybox test image: " + e.getMessage(), e);
        }
    }

    /** Removes the image this test imported (by its reference), if it is still there. */
    public static void remove(DockerClient client, String reference) {
        try {
            client.removeImageCmd(reference).withForce(true).exec();
        } catch (NotFoundException e) {
            // already gone
        }
    }

    private static byte[] rootFileSystem() {
        try {
            return tar();
        } catch (IOException e) {
            throw new AssertionError("cannot make the busybox root file system: " + e.getMessage(), e);
        }
    }

    private static byte[] tar() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TarWriter tar = new TarWriter(bytes);
        tar.entry("bin/", TarEntry.FOLDER, 0755, 0, "", null);
        try (InputStream busybox = Files.newInputStream(Busybox.BINARY)) {
            tar.entry("bin/busybox", TarEntry.FILE, 0755, Files.size(Busybox.BINARY), "", busybox);
        }
        for (String applet : APPLETS) {
            tar.entry("bin/" + applet, TarEntry.SYMLINK, 0777, 0, "busybox", null);
        }
        tar.entry("tmp/", TarEntry.FOLDER, 01777, 0, "", null);
        tar.entry("www/", TarEntry.FOLDER, 0755, 0, "", null);
        byte[] index = "hello from the busybox image\n".getBytes(StandardCharsets.UTF_8);
        tar.entry("www/index.html", TarEntry.FILE, 0644, index.length, "", new ByteArrayInputStream(index));
        byte[] up = "ok\n".getBytes(StandardCharsets.UTF_8);
        tar.entry("www/up", TarEntry.FILE, 0644, up.length, "", new ByteArrayInputStream(up));
        tar.finish();
        return bytes.toByteArray();
    }
}
