package dev.quarry.agent.client;

import dev.quarry.agent.protocol.AgentJson;
import dev.quarry.agent.protocol.Answers;
import dev.quarry.agent.protocol.Verb;
import java.util.List;

/** Turns what an agent sent back into the answer, or into an AgentException with its one-line error. */
final class AgentAnswers {
    private AgentAnswers() {}

    static <T> T read(String agent, Verb verb, String subject, AgentCall.Result result, Class<T> type) {
        String what = agent + ": " + verb.word() + (subject.isEmpty() ? "" : " " + subject);
        if (result.exitStatus() == null) {
            throw new AgentException(what + ": no answer in time; the verb may still be running (retrying is safe)",
                    AgentException.UNREACHED, List.of());
        }
        if (result.exitStatus() != 0) {
            Answers.Failure failure = failure(result);
            throw new AgentException(what + ": " + failure.error(), result.exitStatus(), failure.lines(),
                    failure.error());
        }
        try {
            return AgentJson.read(result.stdout(), type);
        } catch (RuntimeException e) {
            throw new AgentException(what + ": the answer is not the JSON expected (" + e.getMessage()
                    + "); are HQ and the agent the same version?", 1, List.of());
        }
    }

    private static Answers.Failure failure(AgentCall.Result result) {
        String text = result.stderr().strip();
        try {
            Answers.Failure failure = AgentJson.read(text, Answers.Failure.class);
            return new Answers.Failure(failure.error(), failure.lines() == null ? List.of() : failure.lines());
        } catch (RuntimeException e) {
            String line = text.isEmpty() ? "exit status " + result.exitStatus() : text.lines().findFirst().orElse("");
            if (result.inputFailure() != null) {
                line += " (sending stopped: " + result.inputFailure() + ")";
            }
            return new Answers.Failure(line, List.of());
        }
    }
}
