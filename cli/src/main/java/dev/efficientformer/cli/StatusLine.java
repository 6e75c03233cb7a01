package dev.efficientformer.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * A line of progress on standard error for long commands, redrawn in place ({@code \r}) at most
 * five times a second, and only when standard error is a terminal: a script that reads the
 * output sees nothing of it. {@link #clear()} erases it before results or errors are printed.
 *
 * <p>Thread-safety: one command's thread.
 */
final class StatusLine {
    private static final long INTERVAL_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final LongSupplier clock;
    private long lastDraw = Long.MIN_VALUE;
    private int width;

    StatusLine(PrintWriter err, boolean enabled, LongSupplier clock) {
        this.err = err;
        this.enabled = enabled;
        this.clock = clock;
    }

    /** The status line of a command, shown when its standard error is a terminal. */
    static StatusLine of(picocli.CommandLine.Model.CommandSpec spec) {
        boolean terminal = spec.root().userObject() instanceof EfficientFormerCli cli && cli.errIsTerminal();
        return new StatusLine(spec.commandLine().getErr(), terminal, System::nanoTime);
    }

    /** Shows {@code text} unless a line was drawn less than 200 ms ago. */
    void show(String text) {
        long now = clock.getAsLong();
        if (!enabled || (lastDraw != Long.MIN_VALUE && now - lastDraw < INTERVAL_NANOS)) {
            return;
        }
        lastDraw = now;
        String line = ErrorReporter.escapeControls(text);
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        err.flush();
        width = line.length();
    }

    /** Erases the line, if one is shown. */
    void clear() {
        if (enabled && width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
            lastDraw = Long.MIN_VALUE;
        }
    }
}
