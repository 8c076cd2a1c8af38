package dev.quarry.agent.process;

import dev.quarry.agent.home.AgentHome;
import dev.quarry.agent.hook.HookRequest;
import dev.quarry.agent.hook.HookResult;
import dev.quarry.agent.runtime.OutputLines;
import dev.quarry.agent.runtime.RuntimeFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Runs a release's hook as {@code sh -c COMMAND} in the stack's sandbox over its release (read-only), with the env and HOST. */
final class ProcessHooks {
    private final AgentHome home;
    private final StackSandbox sandbox;
    private final CommandRun runner;

    ProcessHooks(AgentHome home, StackSandbox sandbox, CommandRun runner) {
        this.home = home;
        this.sandbox = sandbox;
        this.runner = runner;
    }

    HookResult run(HookRequest request, Path source, OutputLines lines) {
        long began = System.nanoTime();
        Path output = null;
        try {
            output = Files.createTempFile(home.root(), ".hook-", ".log");
            Map<String, String> env = new TreeMap<>(request.env());
            env.put("HOST", request.host());
            String name = "hook@" + request.prepare().stack() + "." + request.prepare().node() + "."
                    + request.prepare().release() + "." + request.name();
            int status = runner.run(name, sandbox.command(request.prepare().stack(), source, false,
                    request.command()), source, env, output, request.timeout(), lines);
            long elapsed = (System.nanoTime() - began) / 1_000_000;
            return new HookResult(request.name(), status, Tail.lines(output, HookResult.KEPT_LINES), elapsed, false);
        } catch (IOException e) {
            throw new RuntimeFailure("cannot run " + request.describe() + ": " + RuntimeFailure.firstLine(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure(request.describe() + " was interrupted; run it again");
        } finally {
            deleteQuietly(output);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a leftover temporary file in the agent's home is harmless
        }
    }
}
