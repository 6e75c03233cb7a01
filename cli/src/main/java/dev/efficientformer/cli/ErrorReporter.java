package dev.efficientformer.cli;

import dev.efficientformer.EfficientFormerException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on standard error, {@code efficientformer: <message>}, and an
 * exit code: 2 for usage errors, 1 for the rest (picocli's convention). A user reads the line and
 * knows what to fix; a stack trace would bury it, so it is printed only with {@code --verbose}.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
    /** What every error line starts with. */
    static final String PREFIX = "efficientformer: ";

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        report(ex, commandLine.getErr(), verbose(parseResult));
        return commandLine.getCommandSpec().exitCodeOnExecutionException();
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        // The hint names the subcommand whose help lists the options, so one line is enough.
        err.println(PREFIX + oneLine(String.valueOf(ex.getMessage())) + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
        if (verboseRequested(args)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Prints the one-line message of {@code t} and, when {@code verbose}, its stack trace. */
    static void report(Throwable t, PrintWriter err, boolean verbose) {
        err.println(PREFIX + describe(t));
        if (verbose) {
            t.printStackTrace(err);
        }
        err.flush();
    }

    /** Whether {@code --verbose} was given at any level of the command line. */
    static boolean verbose(ParseResult pr) {
        for (ParseResult p = pr; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(EfficientFormerCli.VERBOSE)) {
                return true;
            }
        }
        return false;
    }

    /** For failures before a parse result exists: the raw arguments (up to a "--" end marker). */
    static boolean verboseRequested(String[] args) {
        return Arrays.asList(args).stream().takeWhile(a -> !a.equals("--")).anyMatch(EfficientFormerCli.VERBOSE::equals);
    }

    /** The message for {@code t}: what went wrong and, where it helps, what to do. One line. */
    static String describe(Throwable t) {
        return oneLine(base(t) + causeSuffix(t));
    }

    private static String base(Throwable t) {
        String msg = t.getMessage();
        return switch (t) {
            case OutOfMemoryError e -> "out of memory (" + msg + "): give the JVM more, e.g. EFFICIENTFORMER_JAVA_OPTS=-Xmx8g,"
                    + " or use a smaller batch";
            case UncheckedIOException e when e.getCause() != null -> base(e.getCause());
            // These IOExceptions' messages are only the file name; say what is wrong with it.
            case NoSuchFileException e -> "no such file: " + e.getFile();
            case AccessDeniedException e -> "permission denied: " + e.getFile();
            case FileAlreadyExistsException e -> "file already exists: " + e.getFile();
            case NotDirectoryException e -> "not a directory: " + e.getFile();
            case EfficientFormerException e when msg != null -> msg;
            case IOException e when msg != null -> msg;
            case IOException e -> "I/O error (" + e.getClass().getSimpleName() + ")";
            case IllegalArgumentException e when msg != null -> msg;
            case IllegalStateException e when msg != null -> msg;
            // Anything else is a bug of ours: name the type so that the report is useful.
            default -> "internal error: " + t.getClass().getSimpleName() + (msg == null ? "" : ": " + msg)
                    + " (run with --verbose for the stack trace)";
        };
    }

    /**
     * ": <cause>" when the cause says something the message does not already. A cause without a
     * message adds nothing but its type, which the one-line message leaves to --verbose.
     */
    private static String causeSuffix(Throwable t) {
        Throwable c = t.getCause();
        if (c == null || t instanceof UncheckedIOException || t instanceof OutOfMemoryError) {
            return "";
        }
        String own = String.valueOf(t.getMessage());
        if (c instanceof FileSystemException e && e.getFile() != null) {
            return own.contains(e.getFile()) ? "" : ": " + base(e);
        }
        String cause = c.getMessage();
        return cause == null || cause.isBlank() || own.contains(cause) ? "" : ": " + cause;
    }

    /** {@code s} on one line: line breaks (and the indentation after them) become "; ". */
    static String oneLine(String s) {
        return escapeControls(s.strip().replaceAll("\\s*\\R\\s*", "; "));
    }

    /**
     * Control characters as {@code \xNN}: messages quote names read from files (tensor names, JSON
     * keys), and an escape sequence in one must not reach the terminal (it could move the cursor,
     * rewrite the line, or set the window title).
     */
    static String escapeControls(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
                b.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
