package dev.quarry.pacific.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The last line an agent wrote, to put in the failure of a server whose agent did not come up. */
final class AgentLog {
    private static final int MOST_CHARACTERS = 200;
    private static final long MOST_BYTES_READ = 64 * 1024;

    private AgentLog() {}

    static Optional<String> lastLine(Path log) {
        try {
            if (!Files.isRegularFile(log) || Files.size(log) > MOST_BYTES_READ) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                String line = lines.get(i).strip();
                if (!line.isEmpty()) {
                    return Optional.of(line.length() > MOST_CHARACTERS ? line.substring(0, MOST_CHARACTERS) + "..." : line);
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
