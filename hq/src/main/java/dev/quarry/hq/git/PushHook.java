package dev.quarry.hq.git;

import dev.quarry.agent.runtime.RuntimeFailure;
import dev.quarry.compiler.procfile.Derivation;
import dev.quarry.hq.launch.Progress;
import dev.quarry.hq.release.ReleaseMaker;
import dev.quarry.hq.release.ReleaseOutcome;
import dev.quarry.hq.release.ReleaseRequest;
import dev.quarry.hq.release.StackConfig;
import dev.quarry.hq.release.StackState;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PreReceiveHook;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push pipeline, run after the pack arrives and before any ref moves: refuse bad refs, pick the
 * deploy branch, read and compile its quarry.yml, then record and launch the release. Anything that
 * goes wrong rejects every ref of the push, so the repository stays as it was.
 */
final class PushHook implements PreReceiveHook {
    private static final Logger LOG = LoggerFactory.getLogger(PushHook.class);

    private final String stack;
    private final String user;
    private final StackState state;
    private final StackConfig config;
    private final ReleaseMaker maker;

    PushHook(String stack, String user, StackState state, StackConfig config, ReleaseMaker maker) {
        this.stack = stack;
        this.user = user;
        this.state = state;
        this.config = config;
        this.maker = maker;
    }

    @Override
    public void onPreReceive(ReceivePack receivePack, Collection<ReceiveCommand> received) {
        List<ReceiveCommand> commands = List.copyOf(received);
        Progress progress = new SidebandProgress(receivePack);
        try {
            run(receivePack.getRepository(), commands, progress);
        } catch (IOException | RuntimeException e) {
            LOG.warn("push to {} by {} failed", stack, user, e);
            String reason = RuntimeFailure.firstLine(e, "HQ");
            PushRejection.all(commands, "HQ could not deploy: " + reason + "; the previous release keeps serving");
        }
    }

    private void run(Repository repository, List<ReceiveCommand> commands, Progress progress) throws IOException {
        if (PushRejection.badRefs(commands)) {
            return;
        }
        String deployBranch = state.stack(stack).map(stored -> stored.value().deployBranch()).orElse("");
        Optional<ReceiveCommand> deletion = DeployBranch.deletion(deployBranch, commands);
        if (deletion.isPresent()) {
            PushRejection.around(commands, deletion.get(), "refusing to delete " + deployBranch + ": " + stack
                    + " deploys from it", "not updated: the push deletes the deploy branch");
            return;
        }
        Optional<ReceiveCommand> deploy = DeployBranch.choose(deployBranch, commands);
        if (deploy.isEmpty()) {
            reportStored(commands, deploy, deployBranch, progress);
        } else if (deploy(repository, deploy.get(), commands, progress)) {
            String branch = deployBranch.isEmpty() ? RefRules.shortName(deploy.get().getRefName()) : deployBranch;
            reportStored(commands, deploy, branch, progress);
        }
    }

    /** Deploys the branch's new commit; false (with every ref rejected) when it cannot. */
    private boolean deploy(Repository repository, ReceiveCommand command, List<ReceiveCommand> commands,
            Progress progress) throws IOException {
        String branch = RefRules.shortName(command.getRefName());
        Optional<byte[]> quarryFile = CommitFiles.quarryFile(repository, command.getNewId());
        Optional<Derivation> derivation = quarryFile.isPresent() ? Optional.empty()
                : ProcfileFallback.derive(repository, command.getNewId(), stack);
        if (derivation.orElse(null) instanceof Derivation.Invalid invalid) {
            return PushRejection.invalidProcfile(commands, command, invalid, progress);
        }
        if (derivation.orElse(null) instanceof Derivation.Derived derived) {
            progress.line("-----> no quarry.yml: " + derived.summary());
            quarryFile = Optional.of(ProcfileFallback.bytes(derived));
        }
        if (quarryFile.isEmpty()) {
            String hint = CommitFiles.hasYamlSpelling(repository, command.getNewId())
                    ? " (rename quarry.yaml to quarry.yml)" : "";
            String reason = "no quarry.yml in " + branch + " " + command.getNewId().abbreviate(12).name()
                    + "; add one (or a Procfile) to the repository root" + hint;
            progress.line(reason);
            return PushRejection.around(commands, command, reason, "not updated: " + branch + " has no quarry.yml");
        }
        Optional<String> template = TemplateBlob.problem(repository, command.getNewId());
        if (template.isPresent()) {
            progress.line(template.get());
            return PushRejection.around(commands, command, template.get(),
                    "not updated: " + branch + " has a refused nginx template");
        }
        ReleaseRequest request = new ReleaseRequest(stack, command.getNewId().name(), branch, quarryFile.get(),
                config.env(stack), config.scale(stack), "pushed", user, new CommitTree(repository, command.getNewId()));
        ReleaseOutcome outcome = maker.make(request, progress);
        LOG.info("push of {} {} {} by {}: {}", stack, branch, command.getNewId().abbreviate(12).name(), user,
                outcome.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
        return switch (outcome) {
            case ReleaseOutcome.Made made -> {
                pin(repository);
                yield true;
            }
            case ReleaseOutcome.Invalid invalid -> PushRejection.invalid(commands, command, invalid, progress);
            case ReleaseOutcome.Failed failed -> PushRejection.around(commands, command,
                    "deploy failed: " + failed.reason(), "not updated: the deploy of " + branch + " failed");
        };
    }

    private void pin(Repository repository) {
        try {
            ReleasePins.sync(repository, state.releases(stack));
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot pin the releases of {} in {}: {}", stack, repository.getDirectory(), e.getMessage());
        }
    }

    private void reportStored(List<ReceiveCommand> commands, Optional<ReceiveCommand> deployed, String deployBranch,
            Progress progress) {
        String why = deployBranch.isEmpty() ? "push one branch, or main or master, to deploy " + stack
                : stack + " deploys from " + deployBranch;
        for (ReceiveCommand command : commands) {
            boolean pending = command.getResult() == ReceiveCommand.Result.NOT_ATTEMPTED;
            if (pending && deployed.filter(command::equals).isEmpty()) {
                String verb = command.getType() == ReceiveCommand.Type.DELETE ? "deleted " : "stored ";
                progress.line("-----> " + verb + RefRules.shortName(command.getRefName()) + ", not deployed: " + why);
            }
        }
    }
}
