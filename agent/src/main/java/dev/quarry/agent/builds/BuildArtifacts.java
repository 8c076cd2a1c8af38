package dev.quarry.agent.builds;

import dev.quarry.agent.home.AgentHome;
import dev.quarry.agent.process.BuildCache;
import dev.quarry.agent.process.BuiltReleases;
import dev.quarry.agent.protocol.Answers;
import dev.quarry.agent.protocol.BuildRequest;
import dev.quarry.agent.protocol.StackRequest;
import dev.quarry.agent.runtime.RuntimeFailure;
import dev.quarry.agent.source.ReleaseSources;
import dev.quarry.agent.source.TarWriter;
import dev.quarry.files.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The verbs that move a built release between servers through HQ: has-build (is a build of this key kept here),
 * send-build (its artifact as a tar stream), receive-build (an artifact another server built, checked against the
 * SHA-256 of its tar stream and unpacked with a source's checks); and clear-cache (the stack's build cache).
 */
public final class BuildArtifacts {
    private final AgentHome home;
    private final BuiltReleases builds;
    private final ReleaseSources sources;

    public BuildArtifacts(AgentHome home, ReleaseSources sources) {
        this.home = home;
        this.builds = new BuiltReleases(home);
        this.sources = sources;
    }

    public Answers.Build has(BuildRequest request) {
        return new Answers.Build(request.stack(), request.key(),
                builds.builtAt(request.stack(), request.key()).orElse(0));
    }

    /** Writes the kept artifact of {@code request} to {@code out} as a tar stream; nothing when none is kept. */
    public void send(BuildRequest request, OutputStream out) throws IOException {
        if (builds.builtAt(request.stack(), request.key()).isEmpty()) {
            throw new RuntimeFailure("no build " + request.key() + " of " + request.stack() + " is kept on this"
                    + " server; prepare a release of it here first");
        }
        TarWriter.writeFolder(builds.artifact(request.stack(), request.key()), out);
    }

    /**
     * Keeps the artifact in {@code tar} as {@code request}'s, built by {@code release}, if its SHA-256 is
     * {@code sha256}; else nothing is kept.
     */
    public Answers.Build receive(BuildRequest request, int release, String sha256, InputStream tar)
            throws IOException {
        String what = "the build " + request.key() + " of " + request.stack();
        Path incoming = builds.incoming(request.stack(), request.key());
        try {
            DigestInputStream digested = new ReadingDigest(tar);
            sources.unpack(incoming, digested, what);
            digested.transferTo(OutputStream.nullOutputStream());
            String received = HexFormat.of().formatHex(digested.getMessageDigest().digest());
            if (!received.equals(sha256)) {
                throw new RuntimeFailure("refused " + what + ": its tar stream's SHA-256 is " + received + ", not "
                        + sha256 + " as HQ said; nothing was kept");
            }
            builds.adopt(request.stack(), request.key(), release, incoming);
            incoming = null;
            return new Answers.Build(request.stack(), request.key(), release);
        } finally {
            if (incoming != null) {
                AtomicFiles.deleteTree(incoming);
            }
        }
    }

    /** Empties the stack's build cache (its HOME) on this server. */
    public Answers.CacheCleared clearCache(StackRequest request) throws IOException {
        Path stackHome = home.stackHome(request.stack());
        boolean had = Files.isDirectory(stackHome);
        BuildCache.clear(stackHome);
        return new Answers.CacheCleared(request.stack(), had);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    /** A SHA-256 of a stream that reads what it skips, so the digest sees every byte (DigestInputStream's would not). */
    private static final class ReadingDigest extends DigestInputStream {
        ReadingDigest(InputStream in) {
            super(in, sha256());
        }

        @Override
        public long skip(long count) throws IOException {
            byte[] buffer = new byte[(int) Math.min(Math.max(count, 0), 8192)];
            long skipped = 0;
            while (skipped < count) {
                int read = read(buffer, 0, (int) Math.min(buffer.length, count - skipped));
                if (read < 0) {
                    break;
                }
                skipped += read;
            }
            return skipped;
        }
    }
}
