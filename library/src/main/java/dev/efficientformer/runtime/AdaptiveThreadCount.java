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
 * fewer, and it moves when that run was clearly faster (by {@code 1 / }{@value #MARGIN}) than the
 * current count's estimate and than a fresh run of the current count right after it. The fresh run
 * is the paired check: a single slow run (the first after the process sat idle, a host's hiccup on
 * a VM) makes the machine look disturbed and the estimate high, and without it one run on fewer
 * threads would move the count for many runs. Below the requested count it tries one more now and
 * then (every 16 runs, backing off to {@value #MAX_UP_INTERVAL}), to come back when the neighbour
 * leaves. The intervals are jittered a little, so that a workload with a period (say, a batch of
 * four after each pause) does not land every try on the same run of its cycle. So an idle machine
 * never runs a prediction on fewer threads than requested. Where the CPU time cannot be read it
 * explores down on a schedule instead: first after 16 runs, then after 8, 16, 32, ... runs up to
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
    /** A count whose exploring run won, waiting for the current count's fresh run to confirm it (0: none). */
    private int candidate;
    /** State of the interval jitter (xorshift; fixed seed, so runs are reproducible). */
    private int jitter = 0x2545F491;

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
        if (requested == 1 || exploring != 0 || candidate != 0) {
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
            if (t < MARGIN * estimate[current]) {
                candidate = threads;
            } else {
                lost(threads < current);
                if (threads < current) {
                    // The slower runs are this count's new normal: only a further slowdown is a disturbance.
                    best[current] = Math.max(best[current], estimate[current]);
                }
            }
            return;
        }
        if (threads != current) {
            return; // a run chosen before the last move; its time says little about now
        }
        if (candidate != 0) {
            int other = candidate;
            candidate = 0;
            if (estimate[other] < MARGIN * t) {
                moveTo(other);
                return;
            }
            // As fast as the other count after all: the runs that made it look slow have passed.
            lost(other < current);
            share = 1;
            restartWindow(t);
        } else {
            add(t);
        }
        if (cpuNanos >= 0) {
            boolean before = share < LOW_SHARE;
            share += ALPHA * (Math.min(1.0, cpuNanos / t) - share);
            if (!before && share < LOW_SHARE) {
                // The machine changed: the runs before say nothing about now.
                restartWindow(t);
            }
        } else if (!shareUnavailable) {
            shareUnavailable = true;
            untilDown = FIRST_INTERVAL;
        }
        untilDown--;
        untilUp--;
    }

    /** Makes {@code threads} (whose exploring run was {@code estimate[threads]}) the current count. */
    private void moveTo(int threads) {
        current = threads;
        share = 1;
        restartWindow(estimate[threads]);
        downInterval = FIRST_DOWN_BACKOFF;
        upInterval = FIRST_INTERVAL;
        untilDown = FIRST_INTERVAL / 4;
        untilUp = jittered(FIRST_INTERVAL);
    }

    /** Backs off after an exploration of {@code down ? fewer : more} threads that was not faster. */
    private void lost(boolean down) {
        if (down) {
            downInterval = Math.min(downInterval * 2, MAX_DOWN_INTERVAL);
            untilDown = jittered(downInterval);
        } else {
            upInterval = Math.min(upInterval * 2, MAX_UP_INTERVAL);
            untilUp = jittered(upInterval);
        }
    }

    /** {@code interval} plus up to a quarter of it. */
    private int jittered(int interval) {
        jitter ^= jitter << 13;
        jitter ^= jitter >>> 17;
        jitter ^= jitter << 5;
        return interval + Math.floorMod(jitter, interval / 4 + 1);
    }

    /** Empties the current count's window and starts it with {@code t}. */
    private void restartWindow(double t) {
        windowSize = 0;
        windowNext = 0;
        add(t);
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
