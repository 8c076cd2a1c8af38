package dev.quarry.agent.verbs;

import dev.quarry.agent.protocol.BadRequest;
import dev.quarry.agent.protocol.BuildRequest;
import dev.quarry.agent.protocol.ReleaseRequest;
import dev.quarry.agent.protocol.Verb;
import dev.quarry.agent.runtime.Quoted;
import java.util.Arrays;
import java.util.List;

/** The words of an exec request: a verb, and for receive-source the stack and release. */
final class VerbLine {
    private VerbLine() {}

    static List<String> words(String commandLine) {
        String line = commandLine == null ? "" : commandLine.strip();
        if (line.isEmpty()) {
            throw new BadRequest("no verb; the agent runs: " + Verb.words());
        }
        return Arrays.asList(line.split("\\s+"));
    }

    static Verb verb(List<String> words) {
        return Verb.fromWord(words.getFirst()).orElseThrow(() -> new BadRequest("unknown verb "
                + Quoted.of(words.getFirst()) + "; the agent runs only: " + Verb.words()));
    }

    static void requireNoArguments(Verb verb, List<String> words) {
        if (words.size() > 1) {
            throw new BadRequest(verb.word() + " takes its request as JSON on stdin, not words; got "
                    + Quoted.of(String.join(" ", words.subList(1, words.size()))));
        }
    }

    static ReleaseRequest release(List<String> words) {
        if (words.size() != 3 || !words.get(2).matches("[0-9]{1,9}")) {
            throw new BadRequest("usage: receive-source STACK RELEASE, with the tar stream on stdin");
        }
        return new ReleaseRequest(words.get(1), Integer.parseInt(words.get(2)));
    }

    /** The stack and key of {@code send-build STACK KEY} or {@code receive-build STACK KEY RELEASE SHA256}. */
    static BuildRequest build(List<String> words, int size) {
        if (words.size() != size || (size == 5 && !words.get(3).matches("[1-9][0-9]{0,8}"))) {
            throw new BadRequest(size == 3 ? "usage: send-build STACK KEY"
                    : "usage: receive-build STACK KEY RELEASE SHA256, with the tar stream on stdin");
        }
        return new BuildRequest(words.get(1), words.get(2));
    }

    static int builtRelease(List<String> words) {
        return Integer.parseInt(words.get(3));
    }

    static String sha256(List<String> words) {
        String sha256 = words.get(4);
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new BadRequest("receive-build: SHA256 must be 64 lowercase hex digits, got " + Quoted.of(sha256));
        }
        return sha256;
    }
}
