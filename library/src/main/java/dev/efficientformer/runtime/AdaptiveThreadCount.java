package dev.efficientformer.runtime;

/**
 * Chooses how many threads a model's next prediction of one batch size uses, from how long the
 * last ones took. A parallel region of oneDNN (OpenMP, static partitioning) or of the java
 * backend waits for its slowest thread, so when another process holds one of the cores, a
 * two-thread run is as slow as that core's share allows, often slower than one thread alone. The
 * latency of a plan is the same for every input, so the time of a run is a clean signal: this
 * keeps an estimate per thread count, now and then runs one thread fewer (or more) than the
 * current count, and moves when that was clearly faster.
 *
 * <p>It explores at once when the current count runs much slower than its best (something took
 * the cores), rarely otherwise: down once in {@value #MAX_DOWN_INTERVAL} runs at most on an idle
 * machine (one slower run in hundreds), up once in {@value #MAX_UP_INTERVAL} when below the
 * requested count (to come back when the neighbour leaves).
 *
 * <p>Thread-safety: safe from any thread; {@link #next()} and {@link #record} of concurrent
 * predictions interleave, each a short critical section.
 */
public final class AdaptiveThreadCount {
    /** A move needs the other count's run to be at least this much faster than the current estimate. */
    private static final double MARGIN = 0.9;
    /** The current count is "much slower than its best" above this factor: explore now. */
    private static final double DISTURBED = 1.4;
    private static final double ALPHA = 0.25;
    /** Runs before the first exploration: early, so that slow models (a second per run) adapt within seconds. */
    private static final int FIRST_INTERVAL = 4;
    static final int MAX_DOWN_INTERVAL = 256;
    static final int MAX_UP_INTERVAL = 64;

    private final int requested;
    private final double[] estimate;
    private final double[] best;
    /** Whether a count has run once: its first run (fresh memory, cold code) says little and is not counted. */
    private final boolean[] warm;
    private int current;
    private int interval = FIRST_INTERVAL;
    private int untilExplore = FIRST_INTERVAL;
    private boolean exploreUpNext;
    private int exploring;

    /**
     * A chooser for predictions that ask for {@code requested} threads (at least 1).
     */
    public AdaptiveThreadCount(int requested) {
        if (requested < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + requested);
        }
        this.requested = requested;
        this.estimate = new double[requested + 1];
        this.best = new double[requested + 1];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        this.warm = new boolean[requested + 1];
        this.current = requested;
    }

    /** The thread count the next prediction should use: 1 to the requested count. */
    public synchronized int next() {
        if (requested == 1 || exploring != 0 || untilExplore > 0) {
            return current;
        }
        boolean up = current < requested && (exploreUpNext || current == 1);
        int candidate = up ? current + 1 : current - 1;
        if (candidate < 1) {
            return current;
        }
        exploring = candidate;
        exploreUpNext = !up;
        return candidate;
    }

    /**
     * Records that a prediction on {@code threads} threads (as returned by {@link #next()}) took
     * {@code nanos}.
     */
    public synchronized void record(int threads, long nanos) {
        if (requested == 1 || threads < 1 || threads > requested) {
            return;
        }
        double t = nanos;
        if (!warm[threads]) {
            warm[threads] = true;
            if (threads == exploring) {
                exploring = 0;
                untilExplore = 0; // the same exploration again, now warm
            }
            return;
        }
        best[threads] = Math.min(best[threads], t);
        if (threads == exploring) {
            exploring = 0;
            estimate[threads] = t;
            if (t < MARGIN * estimate[current]) {
                current = threads;
                interval = FIRST_INTERVAL / 2;
            } else {
                int max = current < requested ? MAX_UP_INTERVAL : MAX_DOWN_INTERVAL;
                interval = Math.min(interval * 2, max);
                // The slower runs are the new normal of this count: only a further slowdown explores early.
                best[current] = Math.max(best[current], estimate[current]);
            }
            untilExplore = interval;
            return;
        }
        if (threads != current) {
            return; // a run chosen before the last move; its time says little about now
        }
        estimate[current] = estimate[current] == 0 ? t : estimate[current] + ALPHA * (t - estimate[current]);
        untilExplore--;
        if (estimate[current] > DISTURBED * best[current] && current > 1) {
            untilExplore = Math.min(untilExplore, 0);
        }
    }

    /** The count predictions use now (for diagnostics and tests). */
    public synchronized int current() {
        return current;
    }
}
