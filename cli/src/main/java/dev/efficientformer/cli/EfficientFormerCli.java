package dev.efficientformer.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code efficientformer} command: {@code classify}, {@code infer}, {@code bench} and
 * {@code download}.
 *
 * <p>Exit codes follow picocli's convention: 0 on success, 2 for a usage error (unknown option,
 * bad value), 1 for any failure while running. Every failure prints exactly one line,
 * {@code efficientformer: <message>}, on standard error; {@code --verbose} adds the stack trace.
 *
 * <p>Thread-safety: one instance parses and runs one command line; not for sharing.
 */
@Command(name = "efficientformer", mixinStandardHelpOptions = true, versionProvider = CliVersion.class,
        description = "EfficientFormer image classifiers on the JVM (oneDNN or pure Java).",
        subcommands = {ClassifyCommand.class, EmbedCommand.class, InferCommand.class, BenchCommand.class, DownloadCommand.class})
public final class EfficientFormerCli implements Runnable {
    /** The option that turns one-line errors into errors with stack traces. */
    static final String VERBOSE = "--verbose";

    @Spec
    CommandSpec spec;

    // INHERIT makes it valid before or after the subcommand's name. Its value is read from the
    // parse result (ErrorReporter.verbose), which sees it wherever it was given.
    @Option(names = VERBOSE, scope = ScopeType.INHERIT, description = "On errors, print the stack trace too; classify also names the backend it runs on.")
    boolean verbose;

    private final boolean errIsTerminal;

    private EfficientFormerCli(boolean errIsTerminal) {
        this.errIsTerminal = errIsTerminal;
    }

    /** Whether standard error is a terminal (progress bars may then redraw a line in place). */
    boolean errIsTerminal() {
        return errIsTerminal;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: classify, infer, bench or download");
    }

    /**
     * A command line ready to {@link CommandLine#execute}, printing to {@code out} and {@code err}
     * and reporting errors as described in the class comment.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, false);
    }

    private static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean errIsTerminal) {
        CommandLine cl = new CommandLine(new EfficientFormerCli(errIsTerminal));
        cl.setCaseInsensitiveEnumValuesAllowed(true); // --format json, JSON or Json
        ErrorReporter reporter = new ErrorReporter();
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(reporter);
        cl.setParameterExceptionHandler(reporter);
        return cl;
    }

    /**
     * Runs one command line and returns its exit code. Never throws: a failure that escapes
     * picocli (an {@link Error} thrown while parsing, say) is reported like any other.
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(out, err, false, args);
    }

    private static int execute(PrintWriter out, PrintWriter err, boolean errIsTerminal, String... args) {
        try {
            return commandLine(out, err, errIsTerminal).execute(args);
        } catch (Throwable t) {
            ErrorReporter.report(t, err, ErrorReporter.verboseRequested(args));
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The entry point of the {@code ./efficientformer} launcher. */
    public static void main(String[] args) {
        Charset cs = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, cs), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true);
        CliLogging.install(err);
        java.io.Console console = System.console();
        System.exit(execute(out, err, console != null && console.isTerminal(), args));
    }
}
