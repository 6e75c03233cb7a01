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
     * can be slower than one thread alone. The model times its predictions (per batch size), now
     * and then runs one with a thread fewer or more, and moves when that was clearly faster: on an
     * idle machine one run in 256 at most tries fewer threads; beside a busy neighbour it moves
     * within a few runs, and comes back within 64 runs of the neighbour leaving. Each count used
     * compiles a plan of its own (the first move costs one compilation). In strict fp32
     * ({@link MatmulPrecision#HIGHEST}) results do not depend on the count, bit for bit, on every
     * backend; with {@link MatmulPrecision#HIGH} on AMX the layers that use bf16x3 depend on the
     * threads, so the last bits of a result may change with the count (within the accuracy gate).
     */
    ADAPTIVE,
    /** Exactly the requested count for every prediction, whatever the machine is doing. */
    FIXED
}
