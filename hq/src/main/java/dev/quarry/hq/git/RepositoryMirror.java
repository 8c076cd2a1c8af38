package dev.quarry.hq.git;

import java.io.IOException;
import org.eclipse.jgit.lib.Repository;

/**
 * Keeps the stacks' repositories where every HQ reaches them: nowhere with one HQ ({@link #NONE}), the state
 * store with several ({@link StoredRepositories}). Called under the stack's deploy lock.
 */
public interface RepositoryMirror {
    /** Mirrors nothing: HQ is alone, its repositories are the only ones. */
    RepositoryMirror NONE = new RepositoryMirror() {
        @Override
        public void record(String stack, Repository repository) {}

        @Override
        public boolean bringUpToDate(String stack, Repository repository) {
            return false;
        }
    };

    /** Records {@code repository} (every ref and what they reach) as the stack's, after a push moved refs. */
    void record(String stack, Repository repository) throws IOException;

    /**
     * Fetches into {@code repository} what the stack's recorded repository has and it may lack (refs are set
     * to the recorded ones); answers whether anything was fetched.
     */
    boolean bringUpToDate(String stack, Repository repository) throws IOException;
}
