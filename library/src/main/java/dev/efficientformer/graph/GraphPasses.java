package dev.efficientformer.graph;

/**
 * The rewrites every backend compiles from: BatchNorm folded into convolutions, the two heads
 * merged, layer scales folded into the layers before them. Each pass keeps the output and the
 * taps, and changes results only by float rounding.
 *
 * <p>Thread-safety: stateless.
 */
public final class GraphPasses {
    private GraphPasses() {
    }

    /** All passes, in the order that lets each enable the next. */
    public static Graph optimize(Graph g) {
        return FoldLayerScale.apply(MergeHeads.apply(FoldBatchNorm.apply(g)));
    }
}
