package dev.efficientformer.cli;

import java.io.PrintWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Routes the library's {@link System.Logger} warnings (e.g. "oneDNN is not available, using the
 * pure-Java backend") to one line each, {@code efficientformer: warning: ...}, instead of the JDK's
 * default two-line, time-stamped format, so that the CLI's standard error stays readable and
 * greppable.
 *
 * <p>Thread-safety: {@link #install} is meant to be called once, from {@code main}; the handler
 * itself is safe from any thread.
 */
public final class CliLogging {
    private static final SimpleFormatter FORMATTER = new SimpleFormatter();

    private CliLogging() {
    }

    /** Replaces the root logger's handlers with one that prints warnings and errors to {@code err}. */
    public static void install(PrintWriter err) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        root.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() < Level.WARNING.intValue()) {
                    return;
                }
                // formatMessage fills in the {0} parameters (and localises) as the JDK's formatters do.
                String msg = FORMATTER.formatMessage(r);
                err.println(ErrorReporter.PREFIX + "warning: " + ErrorReporter.oneLine(String.valueOf(msg)));
                err.flush();
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
                flush();
            }
        });
    }
}
