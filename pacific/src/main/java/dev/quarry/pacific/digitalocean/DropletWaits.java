package dev.quarry.pacific.digitalocean;

import static java.util.Objects.requireNonNull;

import com.myjeeva.digitalocean.common.ActionStatus;
import com.myjeeva.digitalocean.common.DropletStatus;
import com.myjeeva.digitalocean.pojo.Action;
import com.myjeeva.digitalocean.pojo.Droplet;
import dev.quarry.pacific.agent.AgentProbe;
import dev.quarry.pacific.provider.CloudFailure;
import dev.quarry.pacific.waiting.DurationText;
import dev.quarry.pacific.waiting.Poller;
import java.time.Duration;
import java.util.Optional;

/** Waits, by polling, for a droplet to become active, for its agent to answer, and for an action to complete. */
final class DropletWaits {
    private final DropletApi api;
    private final AgentProbe probe;
    private final Poller poller;
    private final Duration interval;

    DropletWaits(DropletApi api, AgentProbe probe, Poller poller, Duration interval) {
        this.api = requireNonNull(api, "api is null");
        this.probe = requireNonNull(probe, "probe is null");
        this.poller = requireNonNull(poller, "poller is null");
        this.interval = requireNonNull(interval, "interval is null");
    }

    /** The droplet once it is active with a public IPv4 address. */
    Droplet active(int id, String name, Duration timeout) throws CloudFailure, InterruptedException {
        Droplet[] last = new Droplet[1];
        Optional<Droplet> active = poller.poll(timeout, interval, () -> {
            Droplet droplet = api.find(id).orElseThrow(() -> new CloudFailure("droplet " + name + " (id " + id
                    + ") disappeared while pacific waited for it to become active"));
            if (!name.equals(droplet.getName())) {
                throw new CloudFailure(misread(id, name, droplet.getName()));
            }
            last[0] = droplet;
            boolean ready = droplet.getStatus() == DropletStatus.ACTIVE
                    && DropletServers.publicAddress(droplet).isPresent();
            return ready ? Optional.of(droplet) : Optional.empty();
        });
        return active.orElseThrow(() -> new CloudFailure("droplet " + name + " (id " + id + ") was still "
                + describe(last[0]) + " after " + DurationText.format(timeout)
                + " (activeTimeout in etc/cloud/digitalocean.json)"));
    }

    /** Returns once the agent at {@code address} answers. */
    void agent(int id, String name, String address, Duration timeout) throws CloudFailure, InterruptedException {
        int port = CloudInitUserData.AGENT_PORT;
        Optional<Boolean> answered = poller.poll(timeout, interval,
                () -> probe.answers(address, port) ? Optional.of(true) : Optional.empty());
        if (answered.isEmpty()) {
            throw new CloudFailure("the agent of droplet " + name + " (id " + id + ") at " + address + ":" + port
                    + " did not answer within " + DurationText.format(timeout) + " (agentTimeout); check the agent "
                    + "setting in etc/cloud/digitalocean.json (jar URL and sha256, or package) and that HQ can "
                    + "reach port " + port);
        }
    }

    /** Returns once DigitalOcean reports the action completed. */
    void completed(Action action, String what, Duration timeout) throws CloudFailure, InterruptedException {
        if (action.getStatus() == ActionStatus.COMPLETED) {
            return;
        }
        Integer actionId = action.getId();
        if (actionId == null) {
            throw new CloudFailure("DigitalOcean's answer to " + what + " has no action id to wait for");
        }
        Optional<Action> done = poller.poll(timeout, interval, () -> {
            Action now = api.action(actionId);
            if (now.getStatus() == ActionStatus.ERRORED) {
                throw new CloudFailure("DigitalOcean could not " + what + " (action " + actionId + " errored)");
            }
            return now.getStatus() == ActionStatus.COMPLETED ? Optional.of(now) : Optional.empty();
        });
        if (done.isEmpty()) {
            throw new CloudFailure("DigitalOcean did not " + what + " within " + DurationText.format(timeout)
                    + " (action " + actionId + " still in progress; activeTimeout in etc/cloud/digitalocean.json)");
        }
    }

    /** The API client reads ids as 32-bit numbers: an id it mangled names another droplet, or none. */
    static String misread(int id, String name, String other) {
        return "the id DigitalOcean gave droplet " + name + " did not come through intact (id " + id + " is "
                + (other == null ? "no droplet" : "droplet " + other) + "; the API client reads ids as 32-bit numbers)";
    }

    private static String describe(Droplet droplet) {
        if (droplet == null || droplet.getStatus() == null) {
            return "not known to be ready";
        }
        if (droplet.getStatus() == DropletStatus.ACTIVE) {
            return "without a public IPv4 address";
        }
        return "\"" + droplet.getStatus().toString() + "\"";
    }
}
