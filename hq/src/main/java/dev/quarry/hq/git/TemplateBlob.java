package dev.quarry.hq.git;

import dev.quarry.router.template.TemplateChecker;
import dev.quarry.router.template.TemplateVerdict;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A pushed commit's {@code .quarry/nginx.mustache}, checked from its git blob before anything else
 * happens: a symbolic link (mode 120000), a file over 64 KiB (known from the blob's header, never loaded)
 * or text that is not UTF-8 is refused, and so is a directive a stack template may not use.
 */
final class TemplateBlob {
    private static final String RULE = "; a stack template must be a regular UTF-8 file of at most 64 KiB";

    private TemplateBlob() {}

    /** One line saying what is refused, or empty when the commit has no template or an allowed one. */
    static Optional<String> problem(Repository repository, ObjectId commit) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            RevTree tree = walk.parseCommit(commit).getTree();
            try (TreeWalk folder = TreeWalk.forPath(repository, ".quarry", tree)) {
                if (folder != null && folder.getFileMode(0) == FileMode.SYMLINK) {
                    return Optional.of(".quarry is a symbolic link (mode 120000)" + RULE);
                }
            }
            try (TreeWalk file = TreeWalk.forPath(repository, TemplateChecker.FILE, tree)) {
                return file == null ? Optional.empty() : problem(repository, file);
            }
        }
    }

    private static Optional<String> problem(Repository repository, TreeWalk file) throws IOException {
        FileMode mode = file.getFileMode(0);
        if (mode == FileMode.SYMLINK) {
            return Optional.of(TemplateChecker.FILE + " is a symbolic link (mode 120000)" + RULE);
        }
        if (!CommitFiles.isFile(mode)) {
            return Optional.of(TemplateChecker.FILE + " is not a regular file" + RULE);
        }
        ObjectLoader blob = repository.open(file.getObjectId(0));
        if (blob.getSize() > TemplateChecker.MAX_BYTES) {
            return Optional.of(TemplateChecker.FILE + " is " + blob.getSize() + " bytes" + RULE);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(blob.getCachedBytes(TemplateChecker.MAX_BYTES))).toString();
        } catch (CharacterCodingException e) {
            return Optional.of(TemplateChecker.FILE + " is not UTF-8 text" + RULE);
        }
        return TemplateChecker.checkSource(text) instanceof TemplateVerdict.Refused refused
                ? Optional.of(refused.reason()) : Optional.empty();
    }
}
