package dev.quarry.agent.process;

import dev.quarry.agent.runtime.OutputLines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Copies a command's output to its log file as it comes and hands each line to an {@link OutputLines}
 * (a line past {@value #LONGEST_LINE} bytes is cut there; the file keeps it whole). Without a file (a one-off's
 * output goes only to whoever asked for it), the lines are all there is.
 */
final class OutputPump implements Runnable {
    static final int LONGEST_LINE = 8 * 1024;

    private final InputStream from;
    private final Path file;
    private final OutputLines output;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    /** @param file where the output is appended, or null for nowhere */
    OutputPump(InputStream from, Path file, OutputLines output) {
        this.from = from;
        this.file = file;
        this.output = output;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        try (from; OutputStream to = file == null ? OutputStream.nullOutputStream()
                : Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            int read;
            while ((read = from.read(buffer)) >= 0) {
                to.write(buffer, 0, read);
                to.flush();
                split(buffer, read);
            }
        } catch (IOException e) {
            // the command ended or was killed; what was read is in the file
        }
        if (line.size() > 0) {
            emit();
        }
    }

    private void split(byte[] buffer, int length) {
        for (int i = 0; i < length; i++) {
            if (buffer[i] == '\n') {
                emit();
            } else if (line.size() < LONGEST_LINE) {
                line.write(buffer[i]);
            }
        }
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        try {
            output.line(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
        } catch (RuntimeException e) {
            // a listener that went away (HQ disconnected) must not stop the build
        }
    }
}
