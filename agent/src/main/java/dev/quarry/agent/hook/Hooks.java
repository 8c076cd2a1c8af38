package dev.quarry.agent.hook;

import dev.quarry.agent.home.AgentHome;
import dev.quarry.agent.runtime.RuntimeFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Runs each release's hook at most once successfully: a success is recorded under
 * {@code hooks/STACK/NODE/RELEASE-HOOK.done} and answered again to a retry; a retry that comes while
 * the hook still runs waits for that run. A failure is not recorded, so a retry runs it again.
 */
public final class Hooks {
    private final AgentHome home;
    private final ConcurrentMap<Path, Object> running = new ConcurrentHashMap<>();

    public Hooks(AgentHome home) {
        this.home = home;
    }

    public HookResult run(HookRequest request, Function<HookRequest, HookResult> runner) {
        Path done = home.hook(request.prepare().stack(), request.prepare().node(), request.prepare().release(),
                request.name());
        synchronized (running.computeIfAbsent(done, key -> new Object())) {
            Optional<HookResult> earlier = read(done, request.name());
            if (earlier.isPresent()) {
                return earlier.get();
            }
            HookResult result = runner.apply(request);
            if (result.succeeded()) {
                write(done, result);
            }
            return result;
        }
    }

    private static Optional<HookResult> read(Path done, String name) {
        if (!Files.exists(done)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(done, StandardCharsets.UTF_8);
            long elapsed = Long.parseLong(lines.getFirst().replaceFirst("^elapsed-ms ", ""));
            return Optional.of(new HookResult(name, 0, lines.subList(1, lines.size()), elapsed, true));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void write(Path done, HookResult result) {
        List<String> lines = new ArrayList<>();
        lines.add("elapsed-ms " + result.elapsedMillis());
        lines.addAll(result.output());
        try {
            Files.createDirectories(done.getParent());
            Files.write(done, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RuntimeFailure("hook " + result.name() + " succeeded but cannot be recorded in " + done + ": "
                    + RuntimeFailure.firstLine(e) + "; check the agent's home is writable", e);
        }
    }
}
