package dev.quarry.locknet.apply;

import static java.util.Objects.requireNonNull;

import dev.quarry.locknet.grid.Family;
import dev.quarry.locknet.restore.FilterTable;
import java.io.IOException;
import java.util.List;

/** One address family's iptables tools on one host: read the filter table, test a document, load a document. */
public final class Iptables {
    private final Family family;
    private final CommandRunner runner;

    public Iptables(Family family, CommandRunner runner) {
        this.family = requireNonNull(family, "family is null");
        this.runner = requireNonNull(runner, "runner is null");
    }

    public Family family() {
        return family;
    }

    /** The filter table as {@code iptables-save -t filter} prints it now. */
    public FilterTable save() {
        return FilterTable.parse(saveText());
    }

    /** The raw {@code iptables-save -t filter} output. */
    public String saveText() {
        CommandResult result = run(List.of(family.saveTool(), "-t", "filter"), "");
        if (!result.succeeded()) {
            throw new LocknetFailure("cannot read the " + family.displayName() + " filter table: " + result.errorLine());
        }
        return result.output();
    }

    /** Parses a document without loading it ({@code --test}); refuses it with iptables' reason. */
    public void test(String document) {
        CommandResult result = run(List.of(family.restoreTool(), "--test", "--noflush"), document);
        if (!result.succeeded()) {
            throw new LocknetFailure(family.restoreTool() + " --test refused the " + family.displayName()
                    + " rules, nothing changed: " + result.errorLine());
        }
    }

    /** Loads a document in one transaction, waiting for the xtables lock; on failure the table is unchanged. */
    public void restore(String document) {
        CommandResult result = run(List.of(family.restoreTool(), "-w", "10", "--noflush"), document);
        if (!result.succeeded()) {
            throw new LocknetFailure(family.restoreTool() + " refused the " + family.displayName()
                    + " rules, that table is unchanged: " + result.errorLine());
        }
    }

    private CommandResult run(List<String> command, String input) {
        try {
            return runner.run(command, input);
        } catch (IOException broken) {
            throw new LocknetFailure("cannot run " + command.get(0) + ": " + broken.getMessage()
                    + "; locknet needs iptables (apt-get install iptables) and root");
        }
    }
}
