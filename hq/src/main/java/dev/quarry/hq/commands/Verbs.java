package dev.quarry.hq.commands;

import dev.quarry.hq.access.AccessControl;
import dev.quarry.hq.access.Caller;
import dev.quarry.hq.access.Request;
import dev.quarry.hq.access.Verdict;
import dev.quarry.hq.build.BuildLogs;
import dev.quarry.hq.destroy.Destroyer;
import dev.quarry.hq.grid.Grid;
import dev.quarry.hq.lock.DeployLockTimeoutException;
import dev.quarry.hq.release.StackConfig;
import dev.quarry.hq.release.StackState;
import dev.quarry.hq.state.StateException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verbs HQ answers, by name. Each run is judged first (the verb says what it asks, the caller's access
 * decides) and refused in one {@code quarry: ...} line before anything is touched; errors become one
 * {@code quarry VERB: ...} line on stderr.
 */
public final class Verbs {
    /** Every verb name, in the order help lists them. */
    public static final List<String> NAMES = List.of("apps", "ps", "servers", "grid", "scale", "releases", "rollback",
            "restart", "config", "logs", "run", "keys", "access", "audit", "cache", "dashboard", "destroy");
    private static final Logger LOG = LoggerFactory.getLogger(Verbs.class);

    private final Map<String, Verb> verbs;

    public Verbs(Map<String, Verb> verbs) {
        this.verbs = Map.copyOf(verbs);
        if (!this.verbs.keySet().equals(java.util.Set.copyOf(NAMES))) {
            throw new IllegalArgumentException("verbs must be exactly " + NAMES + ", got " + this.verbs.keySet());
        }
    }

    /**
     * The verbs over HQ's state, access and its grid (when it has one), deploying through {@code redeployer} and
     * destroying apps through {@code destroyer}.
     */
    public static Verbs standard(StackState state, StackConfig config, Redeployer redeployer, Optional<Grid> grid,
            AccessControl access, BuildLogs builds, Destroyer destroyer) {
        return new Verbs(Map.ofEntries(
                Map.entry("apps", new AppsVerb(state)),
                Map.entry("ps", new PsVerb(state, grid)),
                Map.entry("servers", new ServersVerb(grid)),
                Map.entry("grid", new GridVerb(grid)),
                Map.entry("scale", new ScaleVerb(state, config, redeployer)),
                Map.entry("releases", new ReleasesVerb(state)),
                Map.entry("rollback", new RollbackVerb(state, config, redeployer)),
                Map.entry("restart", new RestartVerb(state, redeployer)),
                Map.entry("config", new ConfigVerb(state, config, redeployer)),
                Map.entry("logs", new LogsVerb(state, grid, builds)),
                Map.entry("run", new RunVerb(state, grid)),
                Map.entry("keys", new KeysVerb(access)),
                Map.entry("access", new AccessVerb(access)),
                Map.entry("audit", new AuditVerb(access.audit())),
                Map.entry("cache", new CacheVerb(grid, redeployer)),
                Map.entry("dashboard", new NoDashboardVerb()),
                Map.entry("destroy", new DestroyVerb(destroyer, redeployer))));
    }

    /** These verbs with {@code name} answered by {@code verb} instead (HQ's dashboard verb, when it serves one). */
    public Verbs with(String name, Verb verb) {
        Map<String, Verb> changed = new java.util.HashMap<>(verbs);
        changed.put(name, verb);
        return new Verbs(changed);
    }

    /**
     * What running verb {@code name} with {@code arguments} asks of the caller's access.
     *
     * @throws VerbFailure when the arguments are wrong
     */
    Request request(String name, List<String> arguments) {
        return verbs.get(name).request(arguments);
    }

    /** Runs a verb for {@code caller} if its access allows; returns the exit status. */
    public int run(String name, List<String> arguments, Caller caller, BooleanSupplier connected, InputStream in,
            OutputStream out, OutputStream err) throws InterruptedException {
        PrintWriter output = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errors = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        try {
            if (caller.admit(request(name, arguments)) instanceof Verdict.Refused refused) {
                errors.println("quarry: " + refused.line(caller.syntax()));
                return 1;
            }
            return verbs.get(name).run(new VerbContext(caller, arguments, in, output, connected));
        } catch (VerbFailure e) {
            errors.println("quarry " + name + ": " + e.getMessage());
            return e.exitStatus();
        } catch (StateException | DeployLockTimeoutException | java.io.UncheckedIOException e) {
            LOG.warn("{} by {} failed: {}", name, caller.name(), e.getMessage());
            errors.println("quarry " + name + ": " + e.getMessage());
            return 1;
        } finally {
            output.flush();
            errors.flush();
        }
    }
}
