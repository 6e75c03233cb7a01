package dev.efficientformer.runtime;

import java.util.concurrent.Semaphore;

/**
 * One budget of compute threads for the whole process, so that several models (or several
 * concurrent predictions) never run more native threads than the machine has cores: a prediction
 * that uses {@code t} threads holds {@code t} permits while it runs, and waits when the cores are
 * taken. Oversubscribing OpenMP threads makes every prediction slower (spinning, cache thrash);
 * queueing makes them wait their turn instead.
 *
 * <p>The budget is {@code Runtime.availableProcessors()}, or the system property
 * {@code efficientformer.threads.budget}. A request larger than the budget is clipped to it.
 *
 * <p>Thread-safety: safe from any thread.
 */
public final class ThreadBudget {
    /** System property overriding the number of threads all predictions may use at once. */
    public static final String PROPERTY = "efficientformer.threads.budget";

    private static final ThreadBudget GLOBAL = new ThreadBudget(defaultSize());

    private final int size;
    private final Semaphore permits;

    /** A budget of {@code size} threads (for tests; the library uses {@link #global()}). */
    public ThreadBudget(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a thread budget needs at least 1 thread, got " + size);
        }
        this.size = size;
        this.permits = new Semaphore(size, true);
    }

    /** The process-wide budget. */
    public static ThreadBudget global() {
        return GLOBAL;
    }

    private static int defaultSize() {
        String v = System.getProperty(PROPERTY);
        if (v != null) {
            try {
                return Math.max(1, Integer.parseInt(v.strip()));
            } catch (NumberFormatException e) {
                // Fall through to the machine's size: a typo must not stop the library.
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** The number of threads in the budget. */
    public int size() {
        return size;
    }

    /**
     * Takes {@code threads} permits (at most the budget), waiting for them; returns how many were
     * taken, to be handed back with {@link #release(int)}.
     */
    public int acquire(int threads) {
        int n = Math.min(threads, size);
        permits.acquireUninterruptibly(n);
        return n;
    }

    /** Hands back permits taken by {@link #acquire(int)}. */
    public void release(int taken) {
        permits.release(taken);
    }

    /** Permits free right now (for tests and diagnostics). */
    public int available() {
        return permits.availablePermits();
    }
}
