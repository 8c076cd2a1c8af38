package dev.quarry.hq.commands;

import dev.quarry.hq.grid.Grid;
import dev.quarry.hq.lock.DeployLockTimeoutException;
import dev.quarry.hq.release.StackConfig;
import dev.quarry.hq.release.StackState;
import dev.quarry.hq.state.StateException;
import dev.quarry.hq.state.StateStore;
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

/** The verbs HQ answers, by name; errors become one {@code quarry VERB: ...} line on stderr. */
public final class Verbs {
    /** Every verb name, in the order help lists them. */
    public static final List<String> NAMES =
            List.of("apps", "ps", "servers", "grid", "scale", "releases", "rollback", "config", "logs");
    private static final Logger LOG = LoggerFactory.getLogger(Verbs.class);

    private final Map<String, Verb> verbs;

    public Verbs(Map<String, Verb> verbs) {
        this.verbs = Map.copyOf(verbs);
        if (!this.verbs.keySet().equals(java.util.Set.copyOf(NAMES))) {
            throw new IllegalArgumentException("verbs must be exactly " + NAMES + ", got " + this.verbs.keySet());
        }
    }

    /** The verbs over HQ's state and its grid (when it has one), deploying through {@code redeployer}. */
    public static Verbs standard(StateStore store, StackState state, StackConfig config, Redeployer redeployer,
            Optional<Grid> grid) {
        return new Verbs(Map.of(
                "apps", new AppsVerb(state),
                "ps", new PsVerb(state, grid),
                "servers", new ServersVerb(grid),
                "grid", new GridVerb(grid),
                "scale", new ScaleVerb(state, config, redeployer),
                "releases", new ReleasesVerb(state),
                "rollback", new RollbackVerb(state, config, redeployer),
                "config", new ConfigVerb(state, config, redeployer),
                "logs", new LogsVerb(state, grid)));
    }

    /** Runs a verb; returns its exit status. */
    public int run(String name, List<String> arguments, String user, BooleanSupplier connected, OutputStream out,
            OutputStream err) throws InterruptedException {
        PrintWriter output = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errors = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        try {
            return verbs.get(name).run(new VerbContext(user, arguments, output, connected));
        } catch (VerbFailure e) {
            errors.println("quarry " + name + ": " + e.getMessage());
            return e.exitStatus();
        } catch (StateException | DeployLockTimeoutException | java.io.UncheckedIOException e) {
            LOG.warn("{} by {} failed: {}", name, user, e.getMessage());
            errors.println("quarry " + name + ": " + e.getMessage());
            return 1;
        } finally {
            output.flush();
            errors.flush();
        }
    }
}
