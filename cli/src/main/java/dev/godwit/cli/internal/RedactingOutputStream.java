package dev.godwit.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * An output stream that removes the {@link Redactor}'s secrets from what passes through it, line by line: it holds
 * bytes until a line ends ({@code \n} or {@code \r}) or it is flushed, so a secret is caught even when it is written
 * in pieces, as long as no one flushes in the middle of it.
 */
public final class RedactingOutputStream extends OutputStream {

    private final OutputStream target;
    private final Redactor redactor;
    private final Charset charset;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    private RedactingOutputStream(OutputStream target, Redactor redactor, Charset charset) {
        this.target = target;
        this.redactor = redactor;
        this.charset = charset;
    }

    /**
     * Wraps a print stream, such as {@code System.out}, in one that writes the same bytes less the secrets.
     *
     * <p>The wrapper does not flush by itself: an auto-flushing {@code PrintStream} flushes after every
     * {@code print}, which would hand over a secret printed in pieces piece by piece. Whole lines go through at once
     * anyway, and a partial line (a prompt, a progress line) when its writer flushes.
     *
     * @param target the stream to write to
     * @param redactor the secrets
     * @param charset the encoding of {@code target}
     * @return the print stream
     */
    public static PrintStream wrap(PrintStream target, Redactor redactor, Charset charset) {
        return new PrintStream(new RedactingOutputStream(target, redactor, charset), false, charset);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n' || b == '\r') {
            drain();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                line.write(bytes, start, i + 1 - start);
                drain();
                start = i + 1;
            }
        }
        line.write(bytes, start, end - start);
    }

    @Override
    public synchronized void flush() throws IOException {
        drain();
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
    }

    private void drain() throws IOException {
        if (line.size() > 0) {
            byte[] redacted = redactor.redact(line.toByteArray(), line.size(), charset);
            target.write(redacted, 0, redacted.length);
            line.reset();
        }
    }
}
