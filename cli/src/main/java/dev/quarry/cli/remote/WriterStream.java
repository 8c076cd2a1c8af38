package dev.quarry.cli.remote;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Bytes from HQ (UTF-8) onto a command's writer, flushed as they come; a character split across chunks is kept. */
final class WriterStream extends OutputStream {
    private final PrintWriter writer;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer pending = ByteBuffer.allocate(8192 + 4);
    private final CharBuffer chars = CharBuffer.allocate(8192 + 4);

    WriterStream(PrintWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int done = 0;
        while (done < length) {
            int chunk = Math.min(length - done, pending.remaining());
            pending.put(bytes, offset + done, chunk);
            done += chunk;
            pending.flip();
            decoder.decode(pending, chars, false);
            pending.compact();
            chars.flip();
            writer.append(chars);
            chars.clear();
        }
        writer.flush();
    }
}
