package dev.efficientformer.download;

import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Shows a download's progress as text. On a terminal: one line rewritten in place with a carriage
 * return ({@code [=====>    ]  48%  23.6/49.3 MB  5.2 MB/s}). Elsewhere (a log file, a pipe, CI)
 * carriage returns would pile up into one huge line, so it prints a plain line every few seconds
 * instead. Sizes are decimal megabytes, the unit the Hugging Face hub shows.
 *
 * <p>Thread-safety: not thread-safe; one instance per download, driven from one thread (which is
 * how {@link WeightDownloader} calls it).
 */
public final class TerminalProgressBar implements ProgressListener {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long PLAIN_LINE_NANOS = 5_000_000_000L;
    private static final int BAR_WIDTH = 24;

    private final PrintStream out;
    private final boolean interactive;
    private final LongSupplier nanoClock;

    private String label = "download";
    private long resumedFrom;
    private long startNanos;
    private long lastOutputNanos;
    private int lastLineLength;
    private boolean barShown;
    private long lastDone;
    private long lastTotal = -1;

    /**
     * A progress display.
     *
     * @param out where to print
     * @param interactive whether {@code out} is a terminal that understands carriage returns
     * @param nanoClock monotonic clock in nanoseconds ({@code System::nanoTime}); a parameter so
     *     that tests can control speed and redraw timing
     */
    public TerminalProgressBar(PrintStream out, boolean interactive, LongSupplier nanoClock) {
        this.out = Objects.requireNonNull(out, "out");
        this.interactive = interactive;
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /**
     * A display on standard error (standard output stays clean for results), interactive when the
     * JVM is attached to a terminal. {@code System.console()} alone is not enough on JDK 22 and
     * later, which returns a console even when output is redirected: {@link Console#isTerminal()}
     * says whether it really is one.
     */
    public static TerminalProgressBar onStandardError() {
        Console console = System.console();
        return new TerminalProgressBar(System.err, console != null && console.isTerminal(), System::nanoTime);
    }

    @Override
    public void started(String label, long resumedFrom, long totalBytes) {
        this.label = label;
        this.resumedFrom = Math.max(0, resumedFrom);
        this.startNanos = nanoClock.getAsLong();
        this.lastDone = this.resumedFrom;
        this.lastTotal = totalBytes;
        if (interactive) {
            draw(this.resumedFrom, totalBytes);
        } else {
            String size = totalBytes >= 0 ? " (" + mb(totalBytes) + " MB)" : "";
            String resume = this.resumedFrom > 0 ? ", resuming at " + mb(this.resumedFrom) + " MB" : "";
            out.println("Downloading " + label + size + resume);
            lastOutputNanos = startNanos;
        }
    }

    @Override
    public void progress(long doneBytes, long totalBytes) {
        lastDone = doneBytes;
        lastTotal = totalBytes;
        long now = nanoClock.getAsLong();
        if (interactive) {
            if (!barShown || now - lastOutputNanos >= REDRAW_NANOS) {
                draw(doneBytes, totalBytes);
            }
        } else if (now - lastOutputNanos >= PLAIN_LINE_NANOS) {
            out.println(label + ": " + status(doneBytes, totalBytes, now));
            lastOutputNanos = now;
        }
    }

    @Override
    public void finished(long totalBytes) {
        if (interactive) {
            draw(totalBytes, totalBytes);
            out.println();
            barShown = false;
            lastLineLength = 0;
        } else {
            out.println(label + ": done, " + mb(totalBytes) + " MB");
        }
        out.flush();
    }

    @Override
    public void message(String line) {
        if (interactive && barShown) {
            // Overwrite the bar with the message, then draw the bar again below it.
            out.print("\r" + pad(line, lastLineLength) + "\n");
            lastLineLength = 0;
            draw(lastDone, lastTotal);
        } else {
            out.println(line);
        }
        out.flush();
    }

    private void draw(long done, long total) {
        long now = nanoClock.getAsLong();
        String line = label + " " + bar(done, total) + " " + status(done, total, now);
        out.print("\r" + pad(line, lastLineLength));
        out.flush();
        lastLineLength = line.length();
        lastOutputNanos = now;
        barShown = true;
    }

    /** The line padded with spaces so that it fully covers a longer line drawn before it. */
    private static String pad(String line, int previousLength) {
        return line.length() >= previousLength ? line : line + " ".repeat(previousLength - line.length());
    }

    private static String bar(long done, long total) {
        if (total <= 0) {
            return "[" + "?".repeat(BAR_WIDTH) + "]";
        }
        int filled = (int) Math.min(BAR_WIDTH, done * BAR_WIDTH / total);
        String head = filled < BAR_WIDTH ? ">" : "";
        return "[" + "=".repeat(filled) + head + " ".repeat(BAR_WIDTH - filled - head.length()) + "]";
    }

    private String status(long done, long total, long now) {
        StringBuilder s = new StringBuilder();
        if (total > 0) {
            s.append(String.format(Locale.ROOT, "%3d%%  %s/%s MB", Math.min(100, done * 100 / total), mb(done), mb(total)));
        } else {
            s.append(mb(done)).append(" MB");
        }
        double seconds = (now - startNanos) / 1e9;
        if (seconds > 0) {
            // Speed of this session only: a resumed prefix came from disk, not the network.
            s.append(String.format(Locale.ROOT, "  %.1f MB/s", (done - resumedFrom) / 1e6 / seconds));
        }
        return s.toString();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
    }
}
