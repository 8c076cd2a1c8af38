package dev.quarry.agent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.quarry.agent.runtime.RuntimeFailure;
import java.time.Duration;

/** Opens a docker-java client on the Docker daemon's unix socket, through Apache HttpClient 5. */
public final class DockerClients {
    public static final String DEFAULT_SOCKET = "unix:///var/run/docker.sock";
    /** Every running container holds one connection waiting for its exit; leave room for many. */
    private static final int CONNECTIONS = 1024;

    private DockerClients() {}

    public static DockerClient open(String dockerHost) {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(dockerHost)
                .withDockerTlsVerify(false)
                .build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .maxConnections(CONNECTIONS)
                .connectionTimeout(Duration.ofSeconds(10))
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    /** Fails in one line unless the daemon answers. */
    public static void requireAnswer(DockerClient client, String dockerHost) {
        try {
            client.pingCmd().exec();
        } catch (RuntimeException e) {
            throw new RuntimeFailure("the Docker daemon at " + dockerHost + " does not answer: "
                    + RuntimeFailure.firstLine(e) + "; start dockerd, or run only process containers", e);
        }
    }
}
