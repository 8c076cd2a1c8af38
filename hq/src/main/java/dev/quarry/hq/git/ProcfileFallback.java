package dev.quarry.hq.git;

import dev.quarry.compiler.procfile.Derivation;
import dev.quarry.compiler.procfile.Procfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A commit without a quarry.yml but with a {@code Procfile} in its root: the quarry.yml the Procfile stands
 * for ({@link Procfile}), web routed on {@code APP.} + HQ's default domain. The derived file is what the
 * release records, so rollback, config and scale treat it as any other.
 */
final class ProcfileFallback {
    /** HQ's default domain: {@code QUARRY_DEFAULT_DOMAIN} when set, else {@value #LOCALHOST}. */
    static final String LOCALHOST = "localhost";

    private ProcfileFallback() {}

    /** The Procfile's derivation, or empty when the commit has no Procfile. */
    static Optional<Derivation> derive(Repository repository, ObjectId commit, String app) throws IOException {
        Optional<byte[]> bytes = procfile(repository, commit);
        return bytes.map(found -> Procfile.derive(Procfile.NAME, found, app, defaultDomain()));
    }

    static byte[] bytes(Derivation.Derived derived) {
        return derived.quarryFile().getBytes(StandardCharsets.UTF_8);
    }

    /** HQ's default domain, from {@code QUARRY_DEFAULT_DOMAIN} (a lowercase domain name) or {@value #LOCALHOST}. */
    static String defaultDomain() {
        String set = System.getenv("QUARRY_DEFAULT_DOMAIN");
        return set != null && set.matches("[a-z0-9]([a-z0-9.-]{0,200}[a-z0-9])?") ? set : LOCALHOST;
    }

    private static Optional<byte[]> procfile(Repository repository, ObjectId commit) throws IOException {
        try (RevWalk walk = new RevWalk(repository);
                TreeWalk tree = TreeWalk.forPath(repository, Procfile.NAME, walk.parseCommit(commit).getTree())) {
            if (tree == null || !CommitFiles.isFile(tree.getFileMode(0))) {
                return Optional.empty();
            }
            try (InputStream in = repository.open(tree.getObjectId(0)).openStream()) {
                return Optional.of(in.readNBytes(Procfile.MAX_BYTES + 1));
            }
        }
    }
}
