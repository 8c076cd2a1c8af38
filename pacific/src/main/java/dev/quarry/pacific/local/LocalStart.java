package dev.quarry.pacific.local;

import static java.util.Objects.requireNonNull;

import dev.quarry.pacific.agent.AgentProbe;
import dev.quarry.pacific.agent.HqPublicKey;
import dev.quarry.pacific.provider.CloudFailure;
import dev.quarry.pacific.provider.Server;
import dev.quarry.pacific.waiting.DurationText;
import dev.quarry.pacific.waiting.Poller;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;

/**
 * Starts a reserved local server's agent and waits until it answers; stops agents by PID. A server whose agent
 * does not start or answer is taken apart again (agent stopped, folder and record removed) before the failure.
 */
final class LocalStart {
    private final LocalLedger ledger;
    private final HqPublicKey hqKey;
    private final LocalSettings settings;
    private final AgentLauncher launcher;
    private final AgentProbe probe;
    private final Poller poller;

    LocalStart(LocalLedger ledger, HqPublicKey hqKey, LocalSettings settings, AgentLauncher launcher,
            AgentProbe probe, Poller poller) {
        this.ledger = requireNonNull(ledger, "ledger is null");
        this.hqKey = requireNonNull(hqKey, "hqKey is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.launcher = requireNonNull(launcher, "launcher is null");
        this.probe = requireNonNull(probe, "probe is null");
        this.poller = requireNonNull(poller, "poller is null");
    }

    Server start(LocalServer reserved) throws CloudFailure {
        String id = reserved.id();
        LocalAllocation allocation = reserved.allocation();
        Optional<LaunchedAgent> launched = Optional.empty();
        try {
            Files.createDirectories(ledger.agentHome(id));
            Files.writeString(ledger.hqKey(id), hqKey.line() + "\n", StandardCharsets.US_ASCII);
            launched = Optional.of(launcher.launch(new AgentCommand(ledger.agentHome(id), allocation.address(),
                    allocation.agentPort(), ledger.hqKey(id), allocation.ports(), ledger.log(id))));
            LocalServer running = reserved.withAgent(launched.get());
            ledger.write(running);
            awaitAgent(id, allocation);
            return running.server();
        } catch (IOException e) {
            throw takeApart(id, launched, "could not start the agent of local server " + id + " (" + e.getMessage()
                    + "); check that HQ's user can write " + ledger.folder(id) + " and run java");
        } catch (CloudFailure e) {
            throw takeApart(id, launched, e.reason());
        } catch (InterruptedException e) {
            CloudFailure failure = takeApart(id, launched, "interrupted while waiting for the agent of local server "
                    + id);
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    /**
     * Starts the agent of a server that is off (its process ended, as after a reboot) again, on the same
     * address, ports and home, so its containers' state is found again. A failure keeps the server's
     * record and folder: it stays off, and the failure says where its agent's output is.
     */
    Server resume(LocalServer off) throws CloudFailure {
        String id = off.id();
        LocalAllocation allocation = off.allocation();
        Optional<LaunchedAgent> launched = Optional.empty();
        try {
            Files.createDirectories(ledger.agentHome(id));
            Files.writeString(ledger.hqKey(id), hqKey.line() + "\n", StandardCharsets.US_ASCII);
            launched = Optional.of(launcher.launch(new AgentCommand(ledger.agentHome(id), allocation.address(),
                    allocation.agentPort(), ledger.hqKey(id), allocation.ports(), ledger.log(id))));
            LocalServer running = off.withAgent(launched.get());
            ledger.write(running);
            awaitAgent(id, allocation);
            return running.server();
        } catch (IOException | CloudFailure e) {
            String reason = e instanceof CloudFailure failure ? failure.reason() : e.getMessage();
            throw stayOff(off, launched, "could not start the agent of local server " + id + " again (" + reason
                    + "); see " + ledger.log(id));
        } catch (InterruptedException e) {
            CloudFailure failure = stayOff(off, launched, "interrupted while starting local server " + id + " again");
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    private CloudFailure stayOff(LocalServer off, Optional<LaunchedAgent> launched, String reason) {
        try {
            if (launched.isPresent()) {
                stop(off.id(), launched.get());
            }
            ledger.write(off);
            return new CloudFailure(reason + "; it stays off");
        } catch (CloudFailure e) {
            return new CloudFailure(reason + "; stopping what was started failed too: " + e.reason());
        }
    }

    void stop(String id, LaunchedAgent agent) throws CloudFailure {
        try {
            if (!AgentProcesses.stop(agent, settings.stopGrace())) {
                throw new CloudFailure("the agent of local server " + id + " (pid " + agent.pid() + ") did not stop "
                        + "after SIGTERM and SIGKILL; stop it by hand, then remove the server again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudFailure("interrupted while stopping the agent of local server " + id + " (pid "
                    + agent.pid() + "); remove the server again");
        }
    }

    private void awaitAgent(String id, LocalAllocation allocation) throws CloudFailure, InterruptedException {
        Optional<Boolean> answered = poller.poll(settings.agentTimeout(), settings.pollInterval(),
                () -> probe.answers(allocation.address(), allocation.agentPort()) ? Optional.of(true) : Optional.empty());
        if (answered.isEmpty()) {
            throw new CloudFailure("the agent of local server " + id + " did not answer on " + allocation.address()
                    + ":" + allocation.agentPort() + " within " + DurationText.format(settings.agentTimeout()));
        }
    }

    /** Stops what was started and forgets the server; the failure says why, and what is left if anything. */
    private CloudFailure takeApart(String id, Optional<LaunchedAgent> launched, String reason) {
        try {
            if (launched.isPresent()) {
                stop(id, launched.get());
            }
            String output = AgentLog.lastLine(ledger.log(id)).map(line -> "; its agent's last output: " + line)
                    .orElse("");
            ledger.forget(id);
            return new CloudFailure(reason + output + "; removed local server " + id + " again");
        } catch (CloudFailure e) {
            return new CloudFailure(reason + "; taking it apart failed too: " + e.reason());
        }
    }
}
