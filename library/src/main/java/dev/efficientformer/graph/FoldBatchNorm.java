package dev.efficientformer.graph;

import java.util.List;

/**
 * Folds eval-mode BatchNorm into the convolution (dense or depthwise) before it: with
 * {@code s = gamma / sqrt(var + eps)}, {@code w' = w * s} per output channel and
 * {@code b' = (b - mean) * s + beta}. Removes one pass over the largest tensors of each block.
 *
 * <p>A BatchNorm that no convolution precedes (V2's final norm follows a residual sum) is folded
 * into an identity 1x1 depthwise convolution of its own, {@code x * s + (beta - mean * s)}, so that
 * no backend has BatchNorm to lower: only the scalar control, which runs graphs as built, has it.
 *
 * <p>Thread-safety: stateless.
 */
public final class FoldBatchNorm {
    private FoldBatchNorm() {
    }

    /** {@code g} with every foldable convolution -> BatchNorm pair merged. */
    public static Graph apply(Graph g) {
        List<Node> nodes = g.nodes();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Node bnNode : nodes) {
                if (!(bnNode.op() instanceof Ops.BatchNorm bn)) {
                    continue;
                }
                var conv = Rewrite.producer(nodes, bnNode.input());
                if (conv.isEmpty() || !Rewrite.isPrivateTo(g, nodes, bnNode.input(), bnNode)) {
                    continue;
                }
                Op folded = switch (conv.get().op()) {
                    case Ops.Conv2d c -> fold(c, bn);
                    case Ops.DepthwiseConv2d d -> fold(d, bn);
                    default -> null;
                };
                if (folded == null) {
                    continue;
                }
                Node merged = new Node(folded, conv.get().inputs(), bnNode.output());
                nodes = Rewrite.fuse(nodes, conv.get(), bnNode, merged);
                changed = true;
                break;
            }
        }
        return g.withNodes(nodes.stream().map(FoldBatchNorm::standalone).toList());
    }

    /**
     * What a backend throws for a BatchNorm node: it compiles graphs after {@link GraphPasses#optimize},
     * where none is left.
     */
    public static IllegalArgumentException unfolded(Node n) {
        return new IllegalArgumentException("BatchNorm is not lowered by the backends: compile the graph after"
                + " GraphPasses.optimize (FoldBatchNorm turns it into a convolution): " + n);
    }

    /** {@code n}, or for a BatchNorm the per-channel affine it computes, as a 1x1 depthwise convolution. */
    private static Node standalone(Node n) {
        if (!(n.op() instanceof Ops.BatchNorm bn)) {
            return n;
        }
        int c = bn.mean().length;
        float[] ones = new float[c];
        java.util.Arrays.fill(ones, 1f);
        return new Node(fold(new Ops.DepthwiseConv2d(c, 1, 1, 0, ones, new float[c]), bn), n.inputs(), n.output());
    }

    static Ops.Conv2d fold(Ops.Conv2d c, Ops.BatchNorm bn) {
        float[] w = c.weight().clone();
        float[] b = c.bias().clone();
        foldInto(w, b, bn);
        return new Ops.Conv2d(c.outChannels(), c.inChannels(), c.kernel(), c.stride(), c.padding(), w, b);
    }

    static Ops.DepthwiseConv2d fold(Ops.DepthwiseConv2d c, Ops.BatchNorm bn) {
        float[] w = c.weight().clone();
        float[] b = c.bias().clone();
        foldInto(w, b, bn);
        return new Ops.DepthwiseConv2d(c.channels(), c.kernel(), c.stride(), c.padding(), w, b);
    }

    /** Scales each output channel's weights ({@code w} is {@code [out, ...]}) and rewrites its bias, in place. */
    private static void foldInto(float[] w, float[] b, Ops.BatchNorm bn) {
        int per = w.length / b.length;
        for (int o = 0; o < b.length; o++) {
            double s = bn.gamma()[o] / Math.sqrt((double) bn.var()[o] + bn.eps());
            for (int i = 0; i < per; i++) {
                w[o * per + i] = (float) (w[o * per + i] * s);
            }
            b[o] = (float) ((b[o] - (double) bn.mean()[o]) * s + bn.beta()[o]);
        }
    }
}
