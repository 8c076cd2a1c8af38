package dev.quarry.hq.access;

import dev.quarry.hq.state.FileStateStore;
import dev.quarry.hq.state.StateStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The access records and audit log in a home's files. */
class FileAccessStoreTest extends AccessStoreContract {
    @TempDir
    Path root;

    @Override
    protected StateStore store() {
        return new FileStateStore(root);
    }
}
