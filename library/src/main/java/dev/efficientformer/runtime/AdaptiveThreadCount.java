package dev.efficientformer.runtime;

/**
 * Chooses how many threads a model's next prediction of one batch size uses. A parallel region of
 * oneDNN (OpenMP, static partitioning) or of the java backend waits for its slowest thread, so when
 * another process holds one of the cores, a two-thread run is as slow as that core's share allows,
 * often slower than one thread alone.
 *
 * <p>Two signals, both free: the run's wall time (a plan's latency is the same for every input)
 * and the calling thread's CPU time during it. The calling thread works or spins at the barriers
 * for the whole run, so its CPU share is near 1 on a machine that gives the process its cores, and
 * drops when the scheduler hands its core to someone else. Only then ("disturbed": share below
 * {@value #LOW_SHARE}, or latency above {@value #SLOWER} times the best seen) does it try one thread
 * fewer, and it moves when that run was clearly faster (by {@code 1 / }{@value #MARGIN}). Below the
 * requested count it tries one more now and then (every 16 runs, backing off to
 * {@value #MAX_UP_INTERVAL}), to come back when the neighbour leaves. So an idle machine never runs
 * a prediction on fewer threads than requested. Where the CPU time cannot be read it explores down
 * on a schedule instead: first after 16 runs, then after 8, 16, 32, ... runs up to
 * {@value #MAX_DOWN_INTERVAL} while fewer threads are not faster.
 *
 * <p>Thread-safety: safe from any thread; {@link #next()} and {@link #record} of concurrent
 * predictions interleave, each a short critical section.
 */
public final class AdaptiveThreadCount {
    /** A move needs the other count's run to be at least this much faster than the current estimate. */
    private static final double MARGIN = 0.9;
    /** Disturbed: the current count runs this much slower than its best. */
    static final double SLOWER = 1.4;
    /** Disturbed: the calling thread got less than this share of a core during its runs. */
    static final double LOW_SHARE = 0.8;
    /** Weight of the newest run in the CPU share: high, so a neighbour arriving shows within two runs. */
    private static final double ALPHA = 0.5;
    /**
     * Runs in the current count's latency estimate, their mean: beside a neighbour, runs of many
     * threads are bimodal (most as usual, some several times slower when a thread lost its core for
     * a scheduler slice), and the mean, what throughput pays, must see the slow ones.
     */
    private static final int WINDOW = 8;
    private static final int FIRST_INTERVAL = 16;
    /** Runs before another try of fewer threads after one that was not faster (doubling to the max). */
    private static final int FIRST_DOWN_BACKOFF = 4;
    static final int MAX_DOWN_INTERVAL = 256;
    static final int MAX_UP_INTERVAL = 64;

    private final int requested;
    /** The last run of each count (explored ones), and the window of the current count's last runs. */
    private final double[] estimate;
    private final double[] window = new double[WINDOW];
    private int windowSize;
    private int windowNext;
    private final double[] best;
    /** Whether a count has run once: its first run (fresh memory, cold code) says little and is not counted. */
    private final boolean[] warm;
    private double share = 1;
    /** Set when a run came without the calling thread's CPU time: explore on a schedule instead. */
    private boolean shareUnavailable;
    private int current;
    private int downInterval = FIRST_DOWN_BACKOFF;
    private int upInterval = FIRST_INTERVAL;
    private int untilDown;
    private int untilUp = FIRST_INTERVAL;
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
        if (requested == 1 || exploring != 0) {
            return current;
        }
        if (current > 1 && untilDown <= 0 && (disturbed() || shareUnavailable)) {
            exploring = current - 1;
        } else if (current < requested && untilUp <= 0) {
            exploring = current + 1;
        } else {
            return current;
        }
        return exploring;
    }

    private boolean disturbed() {
        return share < LOW_SHARE || estimate[current] > SLOWER * best[current];
    }

    /**
     * Records that a prediction on {@code threads} threads (as returned by {@link #next()}) took
     * {@code nanos} of wall time, in which the calling thread ran {@code cpuNanos} (negative when
     * unknown).
     */
    public synchronized void record(int threads, long nanos, long cpuNanos) {
        if (requested == 1 || threads < 1 || threads > requested || nanos <= 0) {
            return;
        }
        double t = nanos;
        if (!warm[threads]) {
            warm[threads] = true;
            if (threads == exploring) {
                exploring = 0; // the same exploration again, now warm
            }
            return;
        }
        best[threads] = Math.min(best[threads], t);
        if (threads == exploring) {
            exploring = 0;
            estimate[threads] = t;
            boolean down = threads < current;
            if (t < MARGIN * estimate[current]) {
                current = threads;
                share = 1;
                windowSize = 0;
                windowNext = 0;
                add(t);
                downInterval = FIRST_DOWN_BACKOFF;
                upInterval = FIRST_INTERVAL;
                untilDown = FIRST_INTERVAL / 4;
                untilUp = FIRST_INTERVAL;
            } else if (down) {
                downInterval = Math.min(downInterval * 2, MAX_DOWN_INTERVAL);
                untilDown = downInterval;
                // The slower runs are this count's new normal: only a further slowdown is a disturbance.
                best[current] = Math.max(best[current], estimate[current]);
            } else {
                upInterval = Math.min(upInterval * 2, MAX_UP_INTERVAL);
                untilUp = upInterval;
            }
            return;
        }
        if (threads != current) {
            return; // a run chosen before the last move; its time says little about now
        }
        add(t);
        if (cpuNanos >= 0) {
            boolean before = share < LOW_SHARE;
            share += ALPHA * (Math.min(1.0, cpuNanos / t) - share);
            if (!before && share < LOW_SHARE) {
                // The machine changed: the runs before say nothing about now.
                windowSize = 0;
                windowNext = 0;
                add(t);
            }
        } else if (!shareUnavailable) {
            shareUnavailable = true;
            untilDown = FIRST_INTERVAL;
        }
        untilDown--;
        untilUp--;
    }

    /** Adds a run of the current count to its window; its estimate is the window's mean. */
    private void add(double t) {
        window[windowNext] = t;
        windowNext = (windowNext + 1) % WINDOW;
        windowSize = Math.min(windowSize + 1, WINDOW);
        double sum = 0;
        for (int i = 0; i < windowSize; i++) {
            sum += window[i];
        }
        estimate[current] = sum / windowSize;
    }

    /** The count predictions use now (for diagnostics and tests). */
    public synchronized int current() {
        return current;
    }
}
