package dev.quarry.hq.release;

import dev.quarry.agent.runtime.RuntimeFailure;
import dev.quarry.compiler.ParseResult;
import dev.quarry.compiler.plan.Compiler;
import dev.quarry.compiler.plan.Plan;
import dev.quarry.compiler.plan.PlanText;
import dev.quarry.compiler.plan.Stack;
import dev.quarry.compiler.spec.StackSpec;
import dev.quarry.hq.build.BuildLogs;
import dev.quarry.hq.launch.LaunchRequest;
import dev.quarry.hq.launch.LaunchResult;
import dev.quarry.hq.launch.Launcher;
import dev.quarry.hq.launch.Progress;
import dev.quarry.hq.state.StateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes release N of a stack: compile against the current release, claim the number, record the
 * release, export its source, launch it, then make it current and drop releases past
 * {@code releases.keep}. Nothing is written before the quarry.yml is known to be valid. The caller
 * holds the stack's deploy lock.
 */
public final class ReleaseMaker {
    private static final Logger LOG = LoggerFactory.getLogger(ReleaseMaker.class);

    private final StackState state;
    private final SourceFolders sources;
    private final Launcher launcher;
    private final Clock clock;
    private final DeployFeed feed;

    public ReleaseMaker(StackState state, SourceFolders sources, Launcher launcher, Clock clock) {
        this(state, sources, launcher, clock, new DeployFeed());
    }

    /** @param feed where each deploy's progress lines are also shown while it runs (HQ's dashboard) */
    public ReleaseMaker(StackState state, SourceFolders sources, Launcher launcher, Clock clock, DeployFeed feed) {
        this.state = state;
        this.sources = sources;
        this.launcher = launcher;
        this.clock = clock;
        this.feed = feed;
    }

    public ReleaseOutcome make(ReleaseRequest request, Progress progress) {
        Progress followed = feed.begin(request.stack(), progress);
        try {
            return makeFollowed(request, followed);
        } finally {
            feed.end(request.stack());
        }
    }

    private ReleaseOutcome makeFollowed(ReleaseRequest request, Progress progress) {
        ParseResult parsed = StackSpecs.parse(request.quarryFile(), request.stack());
        if (parsed instanceof ParseResult.Invalid invalid) {
            return new ReleaseOutcome.Invalid(invalid.problems().stream().map(Object::toString).toList());
        }
        StackSpec spec = ((ParseResult.Parsed) parsed).spec();
        StackSpec configured = StackSpecs.configured(spec, request.env(), request.scale());
        Stored<StackRecord> stack = state.stack(request.stack())
                .orElseGet(() -> new Stored<>(StackRecord.create(request.stack(), clock.instant()), StateStore.ABSENT));
        Optional<Stack> previous = previous(stack.value(), progress);
        int number = stack.value().last() + 1;
        Plan plan = Compiler.compile(previous, configured, number, request.commit(), request.restarted());
        stack = claim(stack, number, request.branch());
        Release release = new Release(number, request.commit(), request.branch(), request.reason(), request.by(),
                clock.instant(), request.scale(), ReleaseStatus.RECORDED);
        state.record(request.stack(), release, request.quarryFile(), plan, request.env());
        announce(request, plan, progress);
        return launch(stack, release, plan, configured, request, progress);
    }

    private Optional<Stack> previous(StackRecord stack, Progress progress) {
        if (!stack.hasCurrent()) {
            return Optional.empty();
        }
        Optional<Release> current = state.release(stack.name(), stack.current());
        Optional<Stack> rebuilt = current.flatMap(release -> StackSpecs.rebuild(state, stack.name(), release));
        if (rebuilt.isEmpty()) {
            progress.line("-----> note: release " + stack.current() + " of " + stack.name()
                    + " no longer reads; planning as for a new stack");
        }
        return rebuilt;
    }

    /** Takes the release number, so no two releases ever share one, even after a crash. */
    private Stored<StackRecord> claim(Stored<StackRecord> stack, int number, String branch) {
        StackRecord claimed = stack.value().withLast(number);
        if (claimed.deployBranch().isEmpty() && !branch.isEmpty()) {
            claimed = claimed.withDeployBranch(branch);
        }
        return state.saveStack(claimed, stack.revision());
    }

    private void announce(ReleaseRequest request, Plan plan, Progress progress) {
        String branch = request.branch().isEmpty() ? "" : request.branch() + " ";
        String commit = request.commit().length() > 12 ? request.commit().substring(0, 12) : request.commit();
        progress.line("-----> " + request.stack() + ": " + branch + commit + ", " + request.reason() + " by "
                + request.by());
        PlanText.render(plan).lines().forEach(line -> progress.line("       " + line));
    }

    private ReleaseOutcome launch(Stored<StackRecord> stack, Release release, Plan plan, StackSpec spec,
            ReleaseRequest request, Progress progress) {
        LaunchResult result;
        try {
            Path source = sources.install(request.stack(), request.commit(), request.source());
            result = launcher.launch(new LaunchRequest(plan, spec, source), progress);
        } catch (IOException | UncheckedIOException e) {
            result = new LaunchResult.Failed("cannot write the source of " + request.stack() + ": " + e.getMessage()
                    + "; check the disk under " + sources.source(request.stack()).getParent(), List.of());
        } catch (RuntimeException e) {
            LOG.warn("the launcher stopped on release {} of {}", release.number(), request.stack(), e);
            result = new LaunchResult.Failed("the launcher stopped: " + RuntimeFailure.firstLine(e, "HQ"), List.of());
        }
        return switch (result) {
            case LaunchResult.Launched launched -> promote(stack, release, plan, spec, launched, progress);
            case LaunchResult.Failed failed -> fail(stack.value(), release, failed, progress);
        };
    }

    private ReleaseOutcome promote(Stored<StackRecord> stack, Release release, Plan plan, StackSpec spec,
            LaunchResult.Launched launched, Progress progress) {
        String name = stack.value().name();
        Release deployed = release.withStatus(ReleaseStatus.DEPLOYED);
        state.update(name, deployed);
        state.saveStack(stack.value().withCurrent(release.number()), stack.revision());
        Retention.trim(state, name, spec.keepReleases(), release.number());
        BuildLogs.besideSource(sources.source(name)).keepOnly(name,
                state.releases(name).stream().map(Release::number).collect(Collectors.toSet()));
        String where = launched.addresses().isEmpty() ? "no node has domains, nothing is routed"
                : String.join(", ", launched.addresses());
        String outcome = launched.note().isEmpty() ? "is live: " + where : launched.note();
        progress.line("-----> " + name + " release " + release.number() + " " + outcome);
        return new ReleaseOutcome.Made(deployed, plan);
    }

    private ReleaseOutcome fail(StackRecord stack, Release release, LaunchResult.Failed failed, Progress progress) {
        state.update(stack.name(), release.withStatus(ReleaseStatus.FAILED));
        progress.line("-----> failed: " + failed.reason());
        failed.lastLogLines().forEach(line -> progress.line("       | " + line));
        String serving = stack.hasCurrent() ? "release " + stack.current() + " keeps serving" : "nothing was serving";
        progress.line("-----> " + stack.name() + " release " + release.number() + " failed; " + serving);
        return new ReleaseOutcome.Failed(release.withStatus(ReleaseStatus.FAILED), failed.reason());
    }
}
