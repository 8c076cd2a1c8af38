package dev.quarry.agent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.WaitResponse;
import dev.quarry.agent.runtime.Instance;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/** A running Docker container; its exit is awaited with the daemon's wait endpoint. */
final class DockerInstance implements Instance {
    private final DockerClient client;
    private final String containerId;
    private final Instant startedAt;

    DockerInstance(DockerClient client, String containerId, Instant startedAt) {
        this.client = client;
        this.containerId = containerId;
        this.startedAt = startedAt;
    }

    @Override
    public String handle() {
        return containerId;
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public int awaitExit() throws InterruptedException {
        ExitCallback callback = client.waitContainerCmd(containerId).exec(new ExitCallback());
        try {
            callback.awaitCompletion();
        } catch (InterruptedException e) {
            closeQuietly(callback);
            throw e;
        } catch (RuntimeException e) {
            // the wait broke off (daemon restarted, container removed): ask what became of it
        }
        return callback.status != null ? callback.status : statusAfterBrokenWait();
    }

    private int statusAfterBrokenWait() throws InterruptedException {
        while (true) {
            try {
                InspectContainerResponse.ContainerState state = client.inspectContainerCmd(containerId).exec().getState();
                if (!Boolean.TRUE.equals(state.getRunning())) {
                    return state.getExitCodeLong() == null ? -1 : state.getExitCodeLong().intValue();
                }
            } catch (NotFoundException e) {
                return -1;
            } catch (RuntimeException e) {
                // the daemon is away; try again shortly
            }
            Thread.sleep(1000);
        }
    }

    @Override
    public void stop(Duration grace) {
        int seconds = (int) Math.min(Integer.MAX_VALUE, (grace.toMillis() + 999) / 1000);
        try {
            client.stopContainerCmd(containerId).withTimeout(seconds).exec();
        } catch (NotModifiedException | NotFoundException e) {
            // already stopped, or gone
        }
    }

    private static void closeQuietly(ExitCallback callback) {
        try {
            callback.close();
        } catch (IOException e) {
            // closing a wait is best effort
        }
    }

    private static final class ExitCallback extends ResultCallback.Adapter<WaitResponse> {
        private volatile Integer status;

        @Override
        public void onNext(WaitResponse response) {
            status = response.getStatusCode();
        }
    }
}
