package dev.quarry.hq.git;

import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.transport.ReceiveCommand;

/**
 * Which pushed branch deploys. A stack deploys from one branch, chosen by its first deploy: the
 * branch pushed, or {@code main} (else {@code master}) when several are pushed at once. Pushes to
 * other branches are stored, not deployed.
 */
public final class DeployBranch {
    private static final String HEADS = "refs/heads/";

    private DeployBranch() {}

    /**
     * The command to deploy, if any.
     *
     * @param deployBranch the stack's deploy branch, or empty when it has none yet
     */
    public static Optional<ReceiveCommand> choose(String deployBranch, List<ReceiveCommand> commands) {
        List<ReceiveCommand> branches = commands.stream()
                .filter(command -> command.getRefName().startsWith(HEADS))
                .filter(command -> command.getType() != ReceiveCommand.Type.DELETE)
                .toList();
        if (!deployBranch.isEmpty()) {
            return named(branches, deployBranch);
        }
        if (branches.size() == 1) {
            return Optional.of(branches.getFirst());
        }
        return named(branches, "main").or(() -> named(branches, "master"));
    }

    /** The command deleting the deploy branch, which a push may not do. */
    public static Optional<ReceiveCommand> deletion(String deployBranch, List<ReceiveCommand> commands) {
        return commands.stream()
                .filter(command -> command.getType() == ReceiveCommand.Type.DELETE)
                .filter(command -> !deployBranch.isEmpty() && command.getRefName().equals(HEADS + deployBranch))
                .findFirst();
    }

    private static Optional<ReceiveCommand> named(List<ReceiveCommand> branches, String name) {
        return branches.stream().filter(command -> command.getRefName().equals(HEADS + name)).findFirst();
    }
}
