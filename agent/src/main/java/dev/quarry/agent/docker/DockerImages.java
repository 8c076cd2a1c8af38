package dev.quarry.agent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.quarry.agent.home.AgentHome;
import dev.quarry.agent.process.Tail;
import dev.quarry.agent.runtime.BuildOutcome;
import dev.quarry.agent.runtime.OutputLines;
import dev.quarry.agent.runtime.PrepareRequest;
import dev.quarry.agent.runtime.RuntimeFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * The image a docker container runs: {@code image:} pulled when the daemon lacks it, or
 * {@code dockerfile:} built from the release's source once per release, tagged
 * {@code quarry/STACK-NODE:RELEASE}, its output in {@code builds/STACK/NODE/RELEASE.log}.
 */
final class DockerImages {
    private static final long PULL_MINUTES = 10;
    private static final long BUILD_MINUTES = 30;
    private static final int SHOWN_LINES = 20;

    private final DockerClient client;
    private final AgentHome home;
    private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

    DockerImages(DockerClient client, AgentHome home) {
        this.client = client;
        this.home = home;
    }

    /** The image reference to create the container from, built or pulled first when needed. */
    String ensure(PrepareRequest request) {
        ensure(request, OutputLines.NONE);
        return image(request);
    }

    /**
     * Builds or pulls the release's image unless it is here; a build's output lines go to {@code output} as they
     * come. Answers whether it built now, and how long that took.
     */
    BuildOutcome ensure(PrepareRequest request, OutputLines output) {
        String image = image(request);
        long began = System.nanoTime();
        synchronized (locks.computeIfAbsent(image, key -> new Object())) {
            if (exists(image)) {
                return BuildOutcome.NOTHING;
            }
            if (request.dockerfile() == null) {
                pull(image);
                return BuildOutcome.NOTHING;
            }
            build(request, image, output);
            return new BuildOutcome(true, (System.nanoTime() - began) / 1_000_000, 0);
        }
    }

    private static String image(PrepareRequest request) {
        String image = request.dockerfile() != null ? tag(request) : request.image();
        if (image == null) {
            throw new RuntimeFailure(request.describe() + " has neither image nor dockerfile; a docker node needs one");
        }
        return image;
    }

    static String tag(PrepareRequest request) {
        return "quarry/" + request.stack() + "-" + request.node() + ":" + request.release();
    }

    private boolean exists(String image) {
        try {
            client.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private void pull(String image) {
        try {
            boolean done = client.pullImageCmd(image).exec(new PullImageResultCallback())
                    .awaitCompletion(PULL_MINUTES, TimeUnit.MINUTES);
            if (!done || !exists(image)) {
                throw new RuntimeFailure("cannot pull image " + image + " within " + PULL_MINUTES + " minutes;"
                        + " check that this server reaches its registry");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure("the pull of image " + image + " was interrupted; start the container again");
        } catch (RuntimeFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RuntimeFailure("cannot pull image " + image + " on this server: " + RuntimeFailure.firstLine(e)
                    + "; check the image's name and that this server reaches its registry (or docker load it)", e);
        }
    }

    private void build(PrepareRequest request, String tag, OutputLines output) {
        Path source = home.source(request.stack(), request.release());
        Path dockerfile = source.resolve(request.dockerfile()).normalize();
        if (!dockerfile.startsWith(source) || !Files.isRegularFile(dockerfile)) {
            throw new RuntimeFailure("no Dockerfile " + request.dockerfile() + " in the source of " + request.describe()
                    + " (" + source + "); send the source first, and name a file inside it");
        }
        Path log = home.build(request.stack(), request.node(), request.release());
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log);
            client.buildImageCmd().withBaseDirectory(source.toFile()).withDockerfile(dockerfile.toFile())
                    .withTags(Set.of(tag)).withPull(false).withRemove(true)
                    .exec(new LoggingBuild(log, output)).awaitImageId(BUILD_MINUTES, TimeUnit.MINUTES);
        } catch (IOException | RuntimeException e) {
            throw new RuntimeFailure("cannot build image " + tag + " for " + request.describe() + ": "
                    + RuntimeFailure.firstLine(e) + "; its last lines follow, the whole output is in " + log,
                    lastLines(log));
        }
    }

    /** Writes the build's output to its log and, line by line, to whoever watches (the push) as it comes. */
    private static final class LoggingBuild extends BuildImageResultCallback {
        private final Path log;
        private final OutputLines output;

        LoggingBuild(Path log, OutputLines output) {
            this.log = log;
            this.output = output;
        }

        @Override
        public void onNext(BuildResponseItem item) {
            String text = item.getStream() != null ? item.getStream() : item.getError();
            if (text != null) {
                text.lines().filter(line -> !line.isBlank()).forEach(output::line);
                try {
                    Files.writeString(log, text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } catch (IOException e) {
                    // the build goes on; only its log is short
                }
            }
            super.onNext(item);
        }
    }

    private static List<String> lastLines(Path log) {
        try {
            return Tail.lines(log, SHOWN_LINES);
        } catch (IOException e) {
            return List.of();
        }
    }
}
