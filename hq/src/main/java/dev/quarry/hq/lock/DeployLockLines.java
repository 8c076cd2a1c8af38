package dev.quarry.hq.lock;

import java.time.Duration;

/** The lines a deploy that finds its stack's lock busy is told, the same for file and etcd locks. */
final class DeployLockLines {
    private DeployLockLines() {}

    /** {@code waiting for the deploy lock of shop, held by push by alice (HQ pid 123, since ...)}. */
    static String waiting(String stack, String holder) {
        return "waiting for the deploy lock of " + stack + ", held by " + holder;
    }

    static DeployLockTimeoutException timeout(String stack, Duration maximumWait, String holder) {
        String waited = maximumWait.toMinutes() > 0 ? maximumWait.toMinutes() + " min"
                : maximumWait.toMillis() + " ms";
        return new DeployLockTimeoutException("the deploy lock of " + stack + " stayed busy for " + waited
                + ", held by " + holder + "; try again when that deploy ends");
    }
}
