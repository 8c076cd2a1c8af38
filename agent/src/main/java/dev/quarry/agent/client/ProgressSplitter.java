package dev.quarry.agent.client;

import dev.quarry.agent.runtime.OutputLines;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A verb's stdout as it arrives: lines starting {@code | } are a build's or hook's progress, handed on at once;
 * the rest is the answer, kept for the end.
 */
final class ProgressSplitter extends OutputStream {
    static final String PROGRESS = "| ";
    private static final int LONGEST_PROGRESS = 16 * 1024;

    private final OutputLines progress;
    private final ByteArrayOutputStream answer = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    ProgressSplitter(OutputLines progress) {
        this.progress = progress;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            endLine(true);
        } else if (line.size() < LONGEST_PROGRESS || !isProgress()) {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    /** The answer: every line that was not progress. */
    synchronized String answer() {
        if (line.size() > 0) {
            endLine(false);
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    private boolean isProgress() {
        byte[] start = line.toByteArray();
        return start.length >= 2 && start[0] == '|' && start[1] == ' ';
    }

    private void endLine(boolean newline) {
        if (isProgress()) {
            String text = line.toString(StandardCharsets.UTF_8).substring(PROGRESS.length());
            line.reset();
            try {
                progress.line(text);
            } catch (RuntimeException e) {
                // whoever listens (a push whose client left) must not break the call
            }
            return;
        }
        answer.writeBytes(line.toByteArray());
        if (newline) {
            answer.write('\n');
        }
        line.reset();
    }
}
