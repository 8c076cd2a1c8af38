package dev.quarry.agent.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code /proc/PID/stat} says of a process that lives (not a zombie): its parent and its process group.
 *
 * @param pid the process
 * @param parent its parent's pid
 * @param group its process group (a sandbox's leader leads its own: group == pid)
 */
record ProcessStat(long pid, long parent, long group) {
    /** The process, if it exists and is no zombie waiting to be reaped. */
    static Optional<ProcessStat> read(long pid) {
        try {
            String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.ISO_8859_1);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ", 4);
            if (fields[0].equals("Z") || fields[0].equals("X")) {
                return Optional.empty();
            }
            return Optional.of(new ProcessStat(pid, Long.parseLong(fields[1]), Long.parseLong(fields[2])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    boolean leadsItsGroup() {
        return group == pid;
    }
}
