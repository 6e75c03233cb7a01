package dev.efficientformer.graph;

import java.util.List;

/**
 * Folds eval-mode BatchNorm into the convolution before it: with
 * {@code s = gamma / sqrt(var + eps)}, {@code w' = w * s} per output channel and
 * {@code b' = (b - mean) * s + beta}. Removes one pass over the largest tensors of each block.
 *
 * <p>Thread-safety: stateless.
 */
public final class FoldBatchNorm {
    private FoldBatchNorm() {
    }

    /** {@code g} with every foldable Conv2d -> BatchNorm pair merged. */
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
                if (conv.isEmpty() || !(conv.get().op() instanceof Ops.Conv2d c)
                        || !Rewrite.isPrivateTo(g, nodes, bnNode.input(), bnNode)) {
                    continue;
                }
                Node merged = new Node(fold(c, bn), conv.get().inputs(), bnNode.output());
                nodes = Rewrite.fuse(nodes, conv.get(), bnNode, merged);
                changed = true;
                break;
            }
        }
        return g.withNodes(nodes);
    }

    static Ops.Conv2d fold(Ops.Conv2d c, Ops.BatchNorm bn) {
        int per = c.inChannels() * c.kernel() * c.kernel();
        float[] w = c.weight().clone();
        float[] b = new float[c.outChannels()];
        for (int o = 0; o < c.outChannels(); o++) {
            double s = bn.gamma()[o] / Math.sqrt((double) bn.var()[o] + bn.eps());
            for (int i = 0; i < per; i++) {
                w[o * per + i] = (float) (w[o * per + i] * s);
            }
            b[o] = (float) ((c.bias()[o] - (double) bn.mean()[o]) * s + bn.beta()[o]);
        }
        return new Ops.Conv2d(c.outChannels(), c.inChannels(), c.kernel(), c.stride(), c.padding(), w, b);
    }
}
