package dev.quarry.hq.git;

import dev.quarry.compiler.procfile.Derivation;
import dev.quarry.hq.launch.Progress;
import dev.quarry.hq.release.ReleaseOutcome;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.transport.ReceiveCommand;

/** Rejecting a push: every ref it would update is refused with a one-line reason, so none moves. */
final class PushRejection {
    private PushRejection() {}

    /** Refuses refs outside branches and tags or with a part starting with '-'; true when any was. */
    static boolean badRefs(List<ReceiveCommand> commands) {
        boolean refused = false;
        for (ReceiveCommand command : commands) {
            Optional<String> refusal = RefRules.refusal(command.getRefName());
            if (refusal.isPresent()) {
                command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, refusal.get());
                refused = true;
            }
        }
        if (refused) {
            reject(commands, "not updated: the push has a refused ref");
        }
        return refused;
    }

    /** quarry.yml is invalid: its problems as {@code remote:} lines, and every ref rejected. */
    static boolean invalid(List<ReceiveCommand> commands, ReceiveCommand deploy, ReleaseOutcome.Invalid invalid,
            Progress progress) {
        invalid.problems().forEach(progress::line);
        int count = invalid.problems().size();
        String branch = RefRules.shortName(deploy.getRefName());
        return around(commands, deploy, "quarry.yml is invalid: " + count + (count == 1 ? " problem" : " problems")
                + ", see the lines above", "not updated: the quarry.yml of " + branch + " is invalid");
    }

    /** A Procfile (the app has no quarry.yml) with problems: each on its own line, every ref rejected. */
    static boolean invalidProcfile(List<ReceiveCommand> commands, ReceiveCommand deploy,
            Derivation.Invalid invalid, Progress progress) {
        invalid.problems().forEach(problem -> progress.line(problem.toString()));
        int count = invalid.problems().size();
        String branch = RefRules.shortName(deploy.getRefName());
        return around(commands, deploy, "Procfile is invalid: " + count + (count == 1 ? " problem" : " problems")
                + ", see the lines above", "not updated: the Procfile of " + branch + " is invalid");
    }

    /** Rejects {@code primary} with {@code reason} and every other pending ref with {@code othersReason}; false. */
    static boolean around(List<ReceiveCommand> commands, ReceiveCommand primary, String reason, String othersReason) {
        primary.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, reason);
        reject(commands, othersReason);
        return false;
    }

    /** Rejects every pending ref with the same reason. */
    static void all(List<ReceiveCommand> commands, String reason) {
        reject(commands, reason);
    }

    private static void reject(List<ReceiveCommand> commands, String reason) {
        for (ReceiveCommand command : commands) {
            if (command.getResult() == ReceiveCommand.Result.NOT_ATTEMPTED) {
                command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, reason);
            }
        }
    }
}
