package dev.efficientformer.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The backend-neutral part of lowering a graph: which nodes fuse into one step and when each value
 * is last read. A backend states what it can fuse ({@link FusionSupport}); the grouping rules live
 * here once, so that every backend fuses the same patterns under the same conditions and the
 * decisions are tested without any backend.
 *
 * <p>Patterns, each only when every intermediate value is read by the next node of the pattern
 * alone and is neither the output nor a tap:
 * <ul>
 *   <li>a layer (convolution, depthwise convolution, linear) with the activation right after it,
 *       and then the residual {@code add(x, layer)} right after that, {@code x} being defined
 *       before the layer;</li>
 *   <li>the pool mixer {@code add(x, scale(sub(avgpool(x), x)))}.</li>
 * </ul>
 * A backend may also ask for a 1x1 convolution's activated result that only a 3x3 depthwise
 * convolution reads ({@link #depthwiseAfter}), and run both as one step.
 *
 * <p>Thread-safety: stateless; the records are immutable.
 */
public final class Lowering {
    private Lowering() {
    }

    /**
     * What a backend fuses.
     *
     * @param layers op types that take an activation and residual epilogue
     * @param activations op types that may be fused after a layer
     * @param residualAdd whether a layer absorbs the residual add after it
     * @param poolMixer whether the pool mixer is one step
     */
    public record FusionSupport(Set<Class<? extends Op>> layers, Set<Class<? extends Op>> activations, boolean residualAdd,
                                boolean poolMixer) {
        /** A declaration; the sets are copied. */
        public FusionSupport {
            layers = Set.copyOf(layers);
            activations = Set.copyOf(activations);
        }
    }

    /** What a step is. */
    public enum Kind {
        /** A layer, maybe with an activation and a residual add: nodes {@code first..last}. */
        LAYER,
        /** The pool mixer: four nodes from the pooling on. */
        POOL_MIXER,
        /** One node alone. */
        SINGLE
    }

    /**
     * Nodes {@code first..last} (graph order) computed as one step.
     *
     * @param reads the values the step reads: the first node's inputs, then a fused residual
     * @param output the value the step writes
     */
    public record Step(Kind kind, int first, int last, List<Value> reads, Value output) {
        /** A step; the list is copied. */
        public Step {
            reads = List.copyOf(reads);
        }

        /** For a layer with a fused residual add: the value added (defined before the layer). */
        public Value residual() {
            return kind == Kind.LAYER && reads.size() > 1 && last > first ? reads.get(reads.size() - 1) : null;
        }
    }

    /** The graph's nodes grouped into steps, in order, as {@code support} allows. */
    public static List<Step> plan(Graph graph, FusionSupport support) {
        List<Node> nodes = graph.nodes();
        List<Step> steps = new ArrayList<>();
        int i = 0;
        while (i < nodes.size()) {
            Node n = nodes.get(i);
            int last = i;
            List<Value> reads = new ArrayList<>(n.inputs());
            Value result = n.output();
            Kind kind = Kind.SINGLE;
            if (support.layers().contains(n.op().getClass())) {
                kind = Kind.LAYER;
                int act = activationAfter(graph, last, support);
                if (act >= 0) {
                    last = act;
                    result = nodes.get(act).output();
                }
                if (support.residualAdd() && last + 1 < nodes.size()) {
                    Node add = nodes.get(last + 1);
                    if (add.op() instanceof Ops.Add && add.inputs().contains(result) && graph.isPrivateTo(result, add)) {
                        Value other = add.inputs().get(0).equals(result) ? add.inputs().get(1) : add.inputs().get(0);
                        if (!other.equals(result) && definedBefore(graph, other, i)) {
                            last++;
                            reads.add(other);
                            result = add.output();
                        }
                    }
                }
            } else if (support.poolMixer() && isPoolMixer(graph, i)) {
                kind = Kind.POOL_MIXER;
                last = i + 3;
                result = nodes.get(last).output();
            }
            steps.add(new Step(kind, i, last, reads, result));
            i = last + 1;
        }
        return steps;
    }

    /** The node after {@code i}, when it is a fusable activation of node {@code i}'s output alone; else -1. */
    public static int activationAfter(Graph graph, int i, FusionSupport support) {
        List<Node> nodes = graph.nodes();
        if (i + 1 >= nodes.size()) {
            return -1;
        }
        Node act = nodes.get(i + 1);
        Value v = nodes.get(i).output();
        return support.activations().contains(act.op().getClass()) && act.inputs().size() == 1 && act.input().equals(v)
                && graph.isPrivateTo(v, act) ? i + 1 : -1;
    }

    /**
     * The node after {@code i}, when it is a 3x3 depthwise convolution with padding 1 of node
     * {@code i}'s output alone and node {@code i} is an activation of a 1x1 stride-1 convolution
     * right before it (V2's MLP: 1x1, GELU, depthwise 3x3): the pair a backend may run as one
     * primitive that never writes the wide hidden map out (oneDNN's depthwise post-op); else -1.
     */
    public static int depthwiseAfter(Graph graph, int i) {
        List<Node> nodes = graph.nodes();
        if (i < 1 || i + 1 >= nodes.size()) {
            return -1;
        }
        Node dw = nodes.get(i + 1);
        Value v = nodes.get(i).output();
        boolean pointwise = nodes.get(i - 1).op() instanceof Ops.Conv2d c && c.kernel() == 1 && c.stride() == 1
                && nodes.get(i).inputs().equals(List.of(nodes.get(i - 1).output()));
        return pointwise && dw.op() instanceof Ops.DepthwiseConv2d d && d.kernel() == 3 && d.padding() == 1 && dw.inputs().equals(List.of(v))
                && graph.isPrivateTo(v, dw) ? i + 1 : -1;
    }

    /** Whether nodes {@code i..i+3} are the pool mixer {@code add(x, scale(sub(avgpool(x), x)))} with private intermediates. */
    public static boolean isPoolMixer(Graph graph, int i) {
        List<Node> nodes = graph.nodes();
        if (i + 3 >= nodes.size() || !(nodes.get(i).op() instanceof Ops.AvgPool)) {
            return false;
        }
        Node pool = nodes.get(i);
        Node sub = nodes.get(i + 1);
        Node scale = nodes.get(i + 2);
        Node add = nodes.get(i + 3);
        Value x = pool.input();
        return sub.op() instanceof Ops.Sub && scale.op() instanceof Ops.ChannelScale && add.op() instanceof Ops.Add
                && sub.inputs().equals(List.of(pool.output(), x)) && graph.isPrivateTo(pool.output(), sub)
                && scale.input().equals(sub.output()) && graph.isPrivateTo(sub.output(), scale)
                && add.inputs().equals(List.of(x, scale.output())) && graph.isPrivateTo(scale.output(), add);
    }

    private static boolean definedBefore(Graph graph, Value v, int i) {
        if (v.equals(graph.input())) {
            return true;
        }
        for (int j = 0; j < i; j++) {
            if (graph.nodes().get(j).output().equals(v)) {
                return true;
            }
        }
        return false;
    }

    /**
     * For each value id, the index of the last step that reads it (-1: none). A value whose last
     * read is step {@code s} may give its memory to later steps once {@code s} has run, unless it
     * is the graph's input, output or a tap ({@link Graph#isObservable}).
     */
    public static int[] lastReads(Graph graph, List<Step> steps) {
        int max = graph.input().id();
        for (Node n : graph.nodes()) {
            max = Math.max(max, n.output().id());
        }
        int[] last = new int[max + 1];
        Arrays.fill(last, -1);
        for (int s = 0; s < steps.size(); s++) {
            for (Value v : steps.get(s).reads()) {
                last[v.id()] = s;
            }
        }
        return last;
    }
}
