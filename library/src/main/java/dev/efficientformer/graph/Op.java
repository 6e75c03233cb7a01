package dev.efficientformer.graph;

/**
 * What a {@link Node} computes. Every backend implements every op that {@link GraphPasses#optimize}
 * leaves (all but BatchNorm, which only the scalar control runs unfolded); the semantics are
 * stated on each record, per image (backends loop or batch over the images).
 *
 * <p>Weights are held as {@code float[]} on the heap: the graph is built and rewritten once, and
 * backends copy or reorder them into their own memory when they compile a plan.
 *
 * <p>Thread-safety: ops are immutable by contract; nothing writes the arrays after construction.
 */
public sealed interface Op permits Ops.Conv2d, Ops.BatchNorm, Ops.Relu, Ops.Gelu, Ops.AvgPool, Ops.Add, Ops.Sub,
        Ops.ChannelScale, Ops.ToTokens, Ops.LayerNorm, Ops.Linear, Ops.Attention, Ops.MeanTokens,
        Ops.DepthwiseConv2d, Ops.Attention2d, Ops.Upsample2x {

    /** A short name for messages and profiles, e.g. {@code conv2d}. */
    String kind();

    /** Multiply-accumulates per image for an op with this input, for GFLOPS reporting. */
    default long macsPerImage(Value input, Value output) {
        return 0;
    }
}
