package dev.quarry.hq.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.UploadPack;

/** {@code git-upload-pack} for one stack: clone and fetch its repository (HQ's own refs hidden). */
public final class FetchService {
    private final StackRepositories repositories;

    public FetchService(StackRepositories repositories) {
        this.repositories = repositories;
    }

    /** Serves one fetch; false, having served nothing, when the stack has no repository. */
    public boolean send(String stack, InputStream in, OutputStream out, OutputStream err) throws IOException {
        Optional<Repository> repository = repositories.open(stack);
        if (repository.isEmpty()) {
            return false;
        }
        try (Repository opened = repository.get()) {
            UploadPack uploadPack = new UploadPack(opened);
            uploadPack.setRefFilter(ReleasePins.HIDE);
            uploadPack.upload(in, out, err);
            return true;
        }
    }
}
