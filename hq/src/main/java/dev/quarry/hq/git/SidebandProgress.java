package dev.quarry.hq.git;

import dev.quarry.hq.launch.Progress;
import java.io.IOException;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * Progress lines sent to the pusher at once, as {@code remote:} lines (git's side band). A pusher
 * that hung up is not an error: the deploy goes on, so the stack's state stays whole.
 */
record SidebandProgress(ReceivePack receivePack) implements Progress {
    @Override
    public void line(String text) {
        receivePack.sendMessage(text);
        try {
            receivePack.getMessageOutputStream().flush();
        } catch (IOException e) {
            // the pusher left; the lines are also what the release records
        }
    }
}
