package dev.efficientformer.backend;

import dev.efficientformer.graph.Graph;

/**
 * A way to execute graphs: oneDNN ({@code dnnl}), pure Java ({@code java}), the Arm Compute
 * Library ({@code acl}).
 *
 * <p>Thread-safety: implementations are safe to use from any thread; each {@link Plan} they
 * compile is not (see there).
 */
public interface Backend {

    /** The name used on the command line and in {@link BackendSelector}, e.g. {@code dnnl}. */
    String name();

    /**
     * The name with how this backend computes here, e.g. {@code dnnl (avx512_core, precision
     * highest)} or {@code java (scalar tier)}: what a user checks to see that the fast path runs.
     */
    default String describe() {
        return name();
    }

    /**
     * Whether this backend can run here. When false, {@link #unavailableReason()} says why.
     * May load native libraries on first call.
     */
    boolean isAvailable();

    /** Why {@link #isAvailable()} is false (empty when it is available). */
    String unavailableReason();

    /**
     * Why this backend cannot run {@code graph} (an op it has no kernel for), or empty when it
     * can; {@link #compile} refuses such a graph with this reason.
     */
    default String cannotRun(Graph graph) {
        return "";
    }

    /**
     * Whether plans compiled for different thread counts may run at the same time, each on its own
     * count. True unless the thread count is a process-wide setting of the native library (acl);
     * the model splits a batch across one-thread plans only where it is.
     */
    default boolean plansKeepTheirThreadCounts() {
        return true;
    }

    /**
     * Throws when {@code backend} {@link #cannotRun} {@code graph}.
     *
     * @throws dev.efficientformer.EfficientFormerException naming the ops without a kernel
     */
    static void requireRunnable(Backend backend, Graph graph) {
        String reason = backend.cannotRun(graph);
        if (!reason.isEmpty()) {
            throw new dev.efficientformer.EfficientFormerException(reason + "; choose another backend (java runs every model)");
        }
    }

    /**
     * Compiles {@code graph} for a batch of {@code batch} images using {@code threads} threads:
     * all memory is allocated and all weights are prepared here, so that {@link Plan#run} does
     * neither.
     */
    Plan compile(Graph graph, int batch, int threads);

    /**
     * Like {@link #compile(Graph, int, int)}, sharing prepared weights with every other plan
     * compiled with the same {@code weights} cache (which must come from this backend and be closed
     * after all of those plans).
     */
    default Plan compile(Graph graph, int batch, int threads, WeightCache weights) {
        return compile(graph, batch, threads);
    }

    /** A cache for the weights of one model's plans ({@link WeightCache#NONE} when the backend shares none). */
    default WeightCache newWeightCache() {
        return WeightCache.NONE;
    }
}
