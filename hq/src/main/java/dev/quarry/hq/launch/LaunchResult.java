package dev.quarry.hq.launch;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** How a launch ended: the release serves (and where), or it failed and the previous release keeps serving. */
public sealed interface LaunchResult {

    /**
     * The plan ran.
     *
     * @param addresses where the stack is served, such as {@code http://shop.example.com}; empty when nothing is routed
     * @param note the push's closing words instead of "is live: ADDRESSES", such as that nothing runs; may be empty
     */
    record Launched(List<String> addresses, String note) implements LaunchResult {
        public Launched {
            addresses = List.copyOf(addresses);
            requireNonNull(note, "note is null");
        }
    }

    /**
     * The plan did not finish.
     *
     * @param reason one line: what failed and how to fix it
     * @param lastLogLines the app's last log lines, to show the pusher
     */
    record Failed(String reason, List<String> lastLogLines) implements LaunchResult {
        public Failed {
            requireNonNull(reason, "reason is null");
            lastLogLines = List.copyOf(lastLogLines);
        }
    }
}
