package dev.quarry.cli.locknet;

import dev.quarry.cli.ExitCodes;
import dev.quarry.locknet.Locknet;
import dev.quarry.locknet.apply.LocknetFailure;
import dev.quarry.locknet.grid.Family;
import dev.quarry.locknet.grid.GridHosts;
import dev.quarry.locknet.grid.LocknetInputException;
import dev.quarry.locknet.grid.Ports;
import dev.quarry.locknet.grid.Role;
import dev.quarry.locknet.grid.Shown;
import dev.quarry.locknet.ruleset.Ruleset;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code quarry locknet [--role ROLE]... HOST...}: prints (or with --apply, loads) the rules for this host. */
@Command(name = "locknet", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Print the iptables rules that let only the grid's hosts talk to each other, as iptables-restore documents"
                    + " (IPv4, then IPv6). SSH and the agent stay public, HQ's port on the hq host, HTTP and HTTPS on the"
                    + " router; everything else is dropped. Only Quarry's own chains change.",
            "",
            "--apply loads them on this machine (as root) and rolls them back unless Enter is pressed within"
                    + " --confirm-timeout.",
            "",
            "Example: quarry locknet --role router $(cat /my/hosts)"})
public final class LocknetCommand implements Callable<Integer> {
    @Parameters(paramLabel = "HOST", arity = "0..*", description = "every grid host's IPv4 or IPv6 address, this one included")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--role", paramLabel = "ROLE", description = "this host's role: server, router or hq; repeatable (default: server)")
    List<String> roles = new ArrayList<>();

    @Option(names = "--ssh-port", paramLabel = "PORT", description = "sshd's port, public on every host (default: 22)")
    String sshPort = Integer.toString(Ports.DEFAULT_SSH);

    @Option(names = "--hq-port", paramLabel = "PORT", description = "HQ's SSH port, public on the hq host (default: 2222)")
    String hqPort = Integer.toString(Ports.DEFAULT_HQ);

    @Option(names = "--agent-port", paramLabel = "PORT", description = "the agent's SSH port, public on every host (default: 2200)")
    String agentPort = Integer.toString(Ports.DEFAULT_AGENT);

    @Option(names = "--ipv4", description = "print only the IPv4 document")
    boolean ipv4Only;

    @Option(names = "--ipv6", description = "print only the IPv6 document")
    boolean ipv6Only;

    @Option(names = "--apply", description = "load the rules on this machine instead of printing them (needs root)")
    boolean apply;

    @Option(names = "--confirm-timeout", paramLabel = "DURATION",
            description = "with --apply: roll back unless Enter is pressed within this time, e.g. 15s (default); 0 keeps them at once")
    String confirmTimeout = "15s";

    @Unmatched
    List<String> unmatched = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        try {
            refuseUnknownOptions();
            Ruleset ruleset = Locknet.ruleset(GridHosts.parse(hosts), roles(), ports());
            Duration timeout = ConfirmTimeout.parse(confirmTimeout);
            return apply ? new ApplyHere(err, System.in).run(Locknet.applier(), ruleset, timeout) : print(ruleset);
        } catch (LocknetInputException invalid) {
            err.println("quarry " + invalid.getMessage());
            err.flush();
            return ExitCodes.INVALID_INPUT;
        } catch (LocknetFailure failure) {
            err.println("quarry " + failure.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        }
    }

    private int print(Ruleset ruleset) {
        PrintWriter out = spec.commandLine().getOut();
        boolean both = ipv4Only == ipv6Only;
        if (ipv4Only || both) {
            out.print(Locknet.document(ruleset, Family.IPV4));
        }
        if (both) {
            out.println();
        }
        if (ipv6Only || both) {
            out.print(Locknet.document(ruleset, Family.IPV6));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void refuseUnknownOptions() {
        if (!unmatched.isEmpty()) {
            throw new LocknetInputException(Shown.quoted(unmatched.getFirst())
                    + " is neither an option of quarry locknet nor a host address; see quarry locknet --help");
        }
    }

    private Set<Role> roles() {
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        roles.forEach(role -> parsed.add(Role.parse(role)));
        return parsed;
    }

    private Ports ports() {
        return new Ports(port("--ssh-port", sshPort), port("--hq-port", hqPort), port("--agent-port", agentPort));
    }

    private static int port(String option, String input) {
        if (!input.matches("\\d{1,5}")) {
            throw new LocknetInputException(option + " " + Shown.quoted(input) + " is not a TCP port; use 1 to 65535");
        }
        int port = Integer.parseInt(input);
        if (port < 1 || port > 65535) {
            throw new LocknetInputException(option + " " + port + " is not a TCP port; use 1 to 65535");
        }
        return port;
    }
}
