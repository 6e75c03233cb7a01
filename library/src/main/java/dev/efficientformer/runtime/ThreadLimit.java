package dev.efficientformer.runtime;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one check of a thread count asked for by the API ({@code ModelOptions}) or given to a
 * backend's compile: at least 1, at most {@link Limits#THREADS}, and within what the process may
 * still start under its {@code ulimit -u} (RLIMIT_NPROC). A native thread pool that cannot start a
 * thread does not fail politely: libgomp prints "Thread creation failed" and exits the JVM. So the
 * request is refused here, before any native code sees it.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class ThreadLimit {
    private ThreadLimit() {
    }

    /**
     * Returns {@code threads} when a prediction may use that many.
     *
     * @throws EfficientFormerException naming the limit and how to change it, otherwise
     */
    public static int check(int threads) {
        if (threads < 1) {
            throw new EfficientFormerException("threads must be at least 1, got " + threads);
        }
        if (Limits.THREADS.isExceededBy(threads)) {
            throw new EfficientFormerException(threads + " threads per prediction exceed the limit of " + Limits.THREADS.value()
                    + " (this machine has " + Runtime.getRuntime().availableProcessors() + " cores; more threads than cores"
                    + " only wait for each other; the limit is -D" + Limits.THREADS.property() + ")");
        }
        Optional<Long> processLimit = processLimit(Path.of("/proc/self/limits"));
        Optional<Long> running = threadsOfThisProcess(Path.of("/proc/self/status"));
        if (processLimit.isPresent() && running.isPresent() && running.get() + threads > processLimit.get()) {
            throw new EfficientFormerException(threads + " more threads would exceed this process's limit of " + processLimit.get()
                    + " processes and threads (ulimit -u), with " + running.get() + " threads running: ask for fewer threads"
                    + " or raise the limit");
        }
        return threads;
    }

    /** The soft "Max processes" of a {@code /proc/<pid>/limits} file, empty when unlimited or unreadable. */
    static Optional<Long> processLimit(Path limits) {
        return field(limits, "Max processes", 2);
    }

    /** The "Threads:" count of a {@code /proc/<pid>/status} file, empty when unreadable. */
    static Optional<Long> threadsOfThisProcess(Path status) {
        return field(status, "Threads:", 1);
    }

    private static Optional<Long> field(Path file, String prefix, int wordsInPrefix) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(prefix)) {
                    String[] words = line.trim().split("\\s+");
                    return words.length > wordsInPrefix && words[wordsInPrefix].matches("\\d{1,18}")
                            ? Optional.of(Long.parseLong(words[wordsInPrefix])) : Optional.empty();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or /proc is not mounted: the fixed limit above still applies.
        }
        return Optional.empty();
    }
}
