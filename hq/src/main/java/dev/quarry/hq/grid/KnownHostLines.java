package dev.quarry.hq.grid;

import dev.quarry.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * HQ's {@code etc/agent_known_hosts}: a new droplet's agent host key is remembered before HQ first connects
 * (pacific made the key), and a removed server's is forgotten, so a new server given the same address and
 * port later (the local provider reuses them) is trusted on its own key, not refused as an impostor.
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

    /**
     * Records {@code keyLine} ({@code ecdsa-sha2-nistp256 AAAA...}) as the host key of {@code host} on {@code port},
     * in place of any line for them before; the file is rewritten atomically.
     */
    static void remember(Path file, String host, int port, String keyLine) throws IOException {
        String name = port == 22 ? host : "[" + host + "]:" + port;
        List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        StringBuilder kept = new StringBuilder();
        lines.stream().filter(line -> !names(line, name)).forEach(line -> kept.append(line).append('\n'));
        kept.append(name).append(' ').append(keyLine.strip()).append('\n');
        AtomicFiles.write(file, kept.toString().getBytes(StandardCharsets.UTF_8));
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
