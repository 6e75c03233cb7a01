package dev.efficientformer.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Bytes to a {@link Writer}, decoded as UTF-8 at each flush. Lets the download progress bar, which
 * prints to a {@code PrintStream}, share the command's standard-error writer (captured in tests).
 * Whole strings are flushed at once by {@code PrintStream}, so no character is split.
 *
 * <p>Thread-safety: not thread-safe; one writer thread.
 */
final class WriterOutputStream extends OutputStream {
    private final Writer writer;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    WriterOutputStream(Writer writer) {
        this.writer = writer;
    }

    @Override
    public void write(int b) {
        pending.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        pending.write(b, off, len);
    }

    @Override
    public void flush() throws java.io.IOException {
        writer.write(pending.toString(StandardCharsets.UTF_8));
        pending.reset();
        writer.flush();
    }

    @Override
    public void close() throws java.io.IOException {
        flush();
    }
}
