package dev.efficientformer;

import dev.efficientformer.backend.Plan;
import dev.efficientformer.runtime.AdaptiveThreadCount;
import java.util.ArrayDeque;

/**
 * A model's compiled plans for one batch size: a pool per thread count it has run with, and the
 * choice of the count for the next prediction ({@link ThreadPolicy}).
 *
 * <p>Thread-safety: safe from any thread; each pool is guarded by itself (an ArrayDeque under a
 * lock rather than a concurrent deque: returning a plan must not allocate).
 */
final class BatchPlans {
    private final ArrayDeque<Plan>[] pools;
    private final AdaptiveThreadCount chooser;
    private final int requested;

    @SuppressWarnings("unchecked")
    BatchPlans(int requested, ThreadPolicy policy) {
        this.requested = requested;
        this.pools = new ArrayDeque[requested + 1];
        for (int t = 1; t <= requested; t++) {
            pools[t] = new ArrayDeque<>();
        }
        this.chooser = policy == ThreadPolicy.ADAPTIVE && requested > 1 ? new AdaptiveThreadCount(requested) : null;
    }

    /** The thread count of the next prediction. */
    int threads() {
        return chooser == null ? requested : chooser.next();
    }

    /** The idle plans compiled for {@code threads}. */
    ArrayDeque<Plan> pool(int threads) {
        return pools[threads];
    }

    /**
     * Tells the chooser how long a prediction on {@code threads} took, and how much of that the
     * calling thread ran (negative when unknown).
     */
    void ran(int threads, long nanos, long cpuNanos) {
        if (chooser != null) {
            chooser.record(threads, nanos, cpuNanos);
        }
    }
}
