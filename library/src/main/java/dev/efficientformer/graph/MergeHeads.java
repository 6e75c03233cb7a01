package dev.efficientformer.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Merges EfficientFormer's classifier and distillation head, {@code (head(x) + head_dist(x)) / 2},
 * into one linear layer with weights {@code (W1 + W2) / 2} and bias {@code (b1 + b2) / 2}: the
 * pattern is {@code scale(add(linear(x), linear(x)))} over one input {@code x}.
 *
 * <p>Thread-safety: stateless.
 */
public final class MergeHeads {
    private MergeHeads() {
    }

    /** {@code g} with the two heads merged, or {@code g} itself when the pattern is absent. */
    public static Graph apply(Graph g) {
        List<Node> nodes = g.nodes();
        for (Node scaleNode : nodes) {
            if (!(scaleNode.op() instanceof Ops.ChannelScale s)) {
                continue;
            }
            var add = Rewrite.producer(nodes, scaleNode.input());
            if (add.isEmpty() || !(add.get().op() instanceof Ops.Add) || !Rewrite.isPrivateTo(g, nodes, scaleNode.input(), scaleNode)) {
                continue;
            }
            var a = Rewrite.producer(nodes, add.get().inputs().get(0));
            var b = Rewrite.producer(nodes, add.get().inputs().get(1));
            if (a.isEmpty() || b.isEmpty() || !(a.get().op() instanceof Ops.Linear la) || !(b.get().op() instanceof Ops.Linear lb)
                    || !a.get().input().equals(b.get().input()) || la.outFeatures() != lb.outFeatures()
                    || !Rewrite.isPrivateTo(g, nodes, a.get().output(), add.get())
                    || !Rewrite.isPrivateTo(g, nodes, b.get().output(), add.get())) {
                continue;
            }
            int out = la.outFeatures();
            float[] w = new float[la.weight().length];
            float[] bias = new float[out];
            int per = la.inFeatures();
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < per; i++) {
                    w[o * per + i] = (la.weight()[o * per + i] + lb.weight()[o * per + i]) * s.scale()[o];
                }
                bias[o] = (la.bias()[o] + lb.bias()[o]) * s.scale()[o];
            }
            Node merged = new Node(new Ops.Linear(out, per, w, bias), a.get().inputs(), scaleNode.output());
            List<Node> result = new ArrayList<>();
            for (Node n : nodes) {
                if (n == a.get() || n == b.get() || n == add.get()) {
                    continue;
                }
                result.add(n == scaleNode ? merged : n);
            }
            return g.withNodes(result);
        }
        return g;
    }
}
