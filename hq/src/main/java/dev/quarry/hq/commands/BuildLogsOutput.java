package dev.quarry.hq.commands;

import dev.quarry.hq.build.BuildLog;
import dev.quarry.hq.build.BuildLogs;
import dev.quarry.hq.release.StackState;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code logs APP --build [RELEASE]}: the whole build log of a release (default: the live one) as HQ kept it
 * while the build streamed to the push, wherever the build ran; one part per node and server.
 */
final class BuildLogsOutput {
    private BuildLogsOutput() {}

    /** The release named by the word after the app, else the live one; a bad number is a usage error. */
    static int release(StackState state, String app, List<String> positional, String usage) {
        if (positional.size() < 2) {
            return StackLookup.current(state, app).number();
        }
        String word = positional.get(1);
        if (!word.matches("[1-9][0-9]{0,8}")) {
            throw VerbFailure.usage(Arguments.quote(word) + " is not a release number (such as 3)", usage);
        }
        return Integer.parseInt(word);
    }

    static void print(BuildLogs logs, String app, int release, PrintWriter out) {
        List<BuildLog> found = logs.of(app, release);
        if (found.isEmpty()) {
            throw new VerbFailure("no build log of " + app + " release " + release + " on this HQ: its nodes have no"
                    + " build commands, or their build ran for another release or through another HQ; see: releases "
                    + app);
        }
        for (BuildLog log : found) {
            out.println("==> build of " + app + "/" + log.node() + " release " + release + " on " + log.server()
                    + " <==");
            log.lines().forEach(out::println);
        }
    }
}
