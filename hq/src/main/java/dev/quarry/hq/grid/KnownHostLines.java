package dev.quarry.hq.grid;

import dev.quarry.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Forgets a removed server's host key in HQ's {@code etc/agent_known_hosts}, so a new server given the
 * same address and port later (the local provider reuses them) is trusted on its own key, not refused
 * as an impostor of the old one.
 */
final class KnownHostLines {
    private KnownHostLines() {}

    /** Removes the lines naming {@code host} on {@code port}; the file is rewritten atomically. */
    static void forget(Path file, String host, int port) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        String name = port == 22 ? host : "[" + host + "]:" + port;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> kept = lines.stream().filter(line -> !names(line, name)).toList();
        if (kept.size() != lines.size()) {
            AtomicFiles.write(file, kept.stream().map(line -> line + "\n").reduce("", String::concat)
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    private static boolean names(String line, String name) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return false;
        }
        String hosts = trimmed.split("\\s+", 2)[0];
        return Arrays.asList(hosts.split(",")).contains(name);
    }
}
