package dev.efficientformer.graph;

import java.util.List;

/**
 * Folds a per-channel scale (EfficientFormer's layer scales) into the convolution or linear layer
 * that produces its input: rows of the weight and the bias are multiplied by the channel's factor.
 * The pool mixer's layer scale follows a subtraction, not a layer, and stays.
 *
 * <p>Thread-safety: stateless.
 */
public final class FoldLayerScale {
    private FoldLayerScale() {
    }

    /** {@code g} with every foldable layer -> ChannelScale pair merged. */
    public static Graph apply(Graph g) {
        List<Node> nodes = g.nodes();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Node scaleNode : nodes) {
                if (!(scaleNode.op() instanceof Ops.ChannelScale s)) {
                    continue;
                }
                var producer = Rewrite.producer(nodes, scaleNode.input());
                if (producer.isEmpty() || !Rewrite.isPrivateTo(g, nodes, scaleNode.input(), scaleNode)) {
                    continue;
                }
                Op folded = switch (producer.get().op()) {
                    case Ops.Conv2d c -> new Ops.Conv2d(c.outChannels(), c.inChannels(), c.kernel(), c.stride(), c.padding(),
                            scaleRows(c.weight(), c.outChannels(), s.scale()), scaleRows(c.bias(), c.outChannels(), s.scale()));
                    case Ops.Linear l -> new Ops.Linear(l.outFeatures(), l.inFeatures(),
                            scaleRows(l.weight(), l.outFeatures(), s.scale()), scaleRows(l.bias(), l.outFeatures(), s.scale()));
                    default -> null;
                };
                if (folded == null) {
                    continue;
                }
                nodes = Rewrite.fuse(nodes, producer.get(), scaleNode, new Node(folded, producer.get().inputs(), scaleNode.output()));
                changed = true;
                break;
            }
        }
        return g.withNodes(nodes);
    }

    /** Multiplies row {@code r} of a {@code [rows, ...]} array by {@code scale[r]}. */
    static float[] scaleRows(float[] a, int rows, float[] scale) {
        float[] out = a.clone();
        int per = a.length / rows;
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < per; i++) {
                out[r * per + i] *= scale[r];
            }
        }
        return out;
    }
}
