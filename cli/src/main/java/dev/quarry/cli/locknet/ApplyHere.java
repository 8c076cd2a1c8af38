package dev.quarry.cli.locknet;

import dev.quarry.cli.ExitCodes;
import dev.quarry.locknet.apply.Applier;
import dev.quarry.locknet.apply.ApplyOutcome;
import dev.quarry.locknet.apply.PendingApply;
import dev.quarry.locknet.ruleset.Ruleset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code --apply}: loads the rules on this machine and, like iptables-apply, keeps them only when the user
 * presses Enter in time. A line arriving proves this terminal's connection survived the new rules.
 */
final class ApplyHere {
    private final PrintWriter err;
    private final InputStream in;

    ApplyHere(PrintWriter err, InputStream in) {
        this.err = err;
        this.in = in;
    }

    int run(Applier applier, Ruleset ruleset, Duration confirmTimeout) throws InterruptedException {
        if (confirmTimeout.isZero()) {
            applier.apply(ruleset, Duration.ofMinutes(1));
            applier.confirm();
            err.println("quarry locknet: applied and kept without confirmation (--confirm-timeout 0)");
            err.flush();
            return ExitCodes.OK;
        }
        PendingApply pending = applier.apply(ruleset, confirmTimeout);
        err.println("quarry locknet: applied; press Enter within " + shown(confirmTimeout)
                + " to keep the rules, or they are rolled back");
        err.flush();
        Thread.ofVirtual().name("locknet-confirm").start(() -> awaitEnter(pending));
        ApplyOutcome outcome = pending.awaitOutcome();
        err.println("quarry locknet: " + outcome.describe());
        err.flush();
        return outcome instanceof ApplyOutcome.Kept ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private void awaitEnter(PendingApply pending) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            if (reader.readLine() != null) {
                pending.confirm();
            } else {
                pending.rollBack("standard input ended before Enter was pressed");
            }
        } catch (IOException unreadable) {
            pending.rollBack("cannot read standard input: " + unreadable.getMessage());
        }
    }

    private static String shown(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
