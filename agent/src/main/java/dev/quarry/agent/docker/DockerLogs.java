package dev.quarry.agent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A Docker container's last lines of output (stdout and stderr), through the logs endpoint. */
final class DockerLogs {
    private static final long WAIT_SECONDS = 30;

    private DockerLogs() {}

    static List<String> tail(DockerClient client, String container, int lines) {
        Collector collector = new Collector();
        try {
            client.logContainerCmd(container).withStdOut(true).withStdErr(true).withTail(lines).exec(collector)
                    .awaitCompletion(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (NotFoundException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> all = collector.text().lines().toList();
        return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static final class Collector extends ResultCallback.Adapter<Frame> {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void onNext(Frame frame) {
            bytes.writeBytes(frame.getPayload());
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
