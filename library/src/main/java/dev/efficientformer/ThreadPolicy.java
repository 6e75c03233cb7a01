package dev.efficientformer;

/**
 * How many of its threads a prediction uses ({@link ModelOptions#withThreadPolicy(ThreadPolicy)}).
 *
 * <p>Thread-safety: an enum, immutable.
 */
public enum ThreadPolicy {
    /**
     * Up to the requested count, fewer when fewer are faster (the default). A multi-thread run
     * waits for its slowest thread at every parallel step, so when another process holds a core it
     * can be slower than one thread alone. The model watches its predictions (per batch size): their
     * latency, and the calling thread's share of a core while they run. On an idle machine it never
     * uses fewer threads. When the share drops (the scheduler gives the core to someone else) or the
     * latency rises well above its best, it runs one prediction on a thread fewer and moves when that
     * was clearly faster than the current count, both its recent runs and one run right after (so a
     * single slow run does not move it), within a few runs; below the requested count it tries one
     * more every 16 to 64 runs, to come back when the neighbour leaves. Each count used compiles a plan of its own
     * (the first move costs one compilation). In strict fp32 ({@link MatmulPrecision#HIGHEST})
     * results do not depend on the count, bit for bit, on oneDNN and the java backend (tested; acl
     * is not); with
     * {@link MatmulPrecision#HIGH} on AMX the layers that use bf16x3 depend on the threads, so the
     * last bits of a result may change with the count (within the accuracy gate).
     */
    ADAPTIVE,
    /** Exactly the requested count for every prediction, whatever the machine is doing. */
    FIXED
}
