package dev.quarry.locknet.apply;

import dev.quarry.locknet.Locknet;
import dev.quarry.locknet.grid.Family;
import dev.quarry.locknet.grid.Ports;
import dev.quarry.locknet.grid.Role;
import dev.quarry.locknet.network.Namespace;
import dev.quarry.locknet.network.TestGrid;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** A process that applies rules inside a namespace and then waits, never confirming, until it is stopped. */
public final class ApplyAndWait {
    private ApplyAndWait() {}

    public static void main(String[] arguments) throws InterruptedException {
        Namespace namespace = new Namespace(arguments[0]);
        Applier applier = new Applier(List.of(new Iptables(Family.IPV4, namespace.runner()),
                new Iptables(Family.IPV6, namespace.runner())), new VirtualThreadScheduler());
        applier.apply(Locknet.ruleset(TestGrid.gridHosts("g1", "g2"), Set.of(Role.SERVER), Ports.DEFAULT),
                Duration.ofMinutes(10));
        System.out.println("applied");
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(2));
    }
}
