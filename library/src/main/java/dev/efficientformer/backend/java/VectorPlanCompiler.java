package dev.efficientformer.backend.java;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.Node;
import dev.efficientformer.graph.Ops;
import dev.efficientformer.graph.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lowers a graph to {@link VectorStep}s for one batch size and thread count.
 *
 * <p>Fusions (each only when the intermediate value is read by nothing else and is neither the
 * output nor a tap):
 * <ul>
 *   <li>a convolution or linear layer absorbs the ReLU or GELU right after it, and then the
 *       residual {@code add(x, layer)} right after that, into its GEMM epilogue;</li>
 *   <li>the pool mixer {@code add(x, scale(sub(avgpool(x), x)))} is one pass per plane.</li>
 * </ul>
 *
 * <p>Buffers: one heap array per value, shared between values whose lifetimes do not overlap
 * (a value's array returns to the pool after the last step that reads it; the input, the output
 * and the taps keep theirs). A step's output never shares an array with its inputs.
 *
 * <p>Thread-safety: not thread-safe; one compiler per plan.
 */
final class VectorPlanCompiler {
    /** A group of nodes that becomes one step. */
    private record Group(int first, int last, List<Value> reads, Value writes) {
    }

    private final Graph graph;
    private final int batch;
    private final int threads;
    private final List<Node> nodes;
    private final Map<Integer, float[]> buffers = new HashMap<>();
    private final List<float[]> free = new ArrayList<>();
    private final float[][] scratch;
    private int scratchFloats;

    private VectorPlanCompiler(Graph graph, int batch, int threads) {
        this.graph = graph;
        this.batch = batch;
        this.threads = threads;
        this.nodes = graph.nodes();
        this.scratch = new float[threads][];
    }

    static VectorPlan compile(Graph graph, int batch, int threads) {
        if (batch < 1 || threads < 1) {
            throw new EfficientFormerException("batch and threads must be at least 1, got batch " + batch + ", threads " + threads);
        }
        return new VectorPlanCompiler(graph, batch, threads).build();
    }

    private VectorPlan build() {
        List<Group> groups = group();
        int[] lastRead = new int[maxValueId() + 1];
        java.util.Arrays.fill(lastRead, -1);
        for (int g = 0; g < groups.size(); g++) {
            for (Value v : groups.get(g).reads) {
                lastRead[v.id()] = g;
            }
        }
        buffer(graph.input());
        List<VectorStep> steps = new ArrayList<>();
        String[] nodeStages = dev.efficientformer.graph.StageLabels.of(graph);
        List<String> stages = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            buffer(group.writes);
            steps.add(lower(group));
            stages.add(nodeStages[group.first]);
            for (Value v : group.reads) {
                if (lastRead[v.id()] == g && !graph.isObservable(v) && !v.equals(graph.input()) && !v.equals(group.writes)) {
                    float[] b = buffers.get(v.id());
                    if (b != null && !free.contains(b)) {
                        free.add(b);
                    }
                }
            }
        }
        for (int t = 0; t < threads; t++) {
            scratch[t] = new float[Math.max(1, scratchFloats)];
        }
        Map<String, float[]> taps = new HashMap<>();
        Map<String, Integer> tapSizes = new HashMap<>();
        for (Map.Entry<String, Value> e : graph.taps().entrySet()) {
            taps.put(e.getKey(), buffers.get(e.getValue().id()));
            tapSizes.put(e.getKey(), elements(e.getValue()));
        }
        return new VectorPlan(graph, batch, threads, steps.toArray(new VectorStep[0]), stages.toArray(new String[0]), buffers.get(graph.input().id()),
                elements(graph.input()), buffers.get(graph.output().id()), elements(graph.output()), taps, tapSizes);
    }

    private int maxValueId() {
        int max = graph.input().id();
        for (Node n : nodes) {
            max = Math.max(max, n.output().id());
        }
        return max;
    }

    private int elements(Value v) {
        long n = v.elementsPerImage() * batch;
        if (n > Integer.MAX_VALUE - 64) {
            throw new EfficientFormerException("value " + v + " at batch " + batch + " is too large for the java backend");
        }
        return (int) n;
    }

    /** The value's array: a free one large enough (the smallest such), else a new one. */
    private float[] buffer(Value v) {
        float[] b = buffers.get(v.id());
        if (b != null) {
            return b;
        }
        int size = elements(v);
        int best = -1;
        for (int i = 0; i < free.size(); i++) {
            if (free.get(i).length >= size && (best < 0 || free.get(i).length < free.get(best).length)) {
                best = i;
            }
        }
        b = best >= 0 ? free.remove(best) : new float[size];
        buffers.put(v.id(), b);
        return b;
    }

    // ---------------------------------------------------------------- fusion


    /** Whether {@code v} exists before node {@code i} runs. */
    private boolean definedBefore(Value v, int i) {
        if (v.equals(graph.input())) {
            return true;
        }
        for (int j = 0; j < i; j++) {
            if (nodes.get(j).output().equals(v)) {
                return true;
            }
        }
        return false;
    }

    private List<Group> group() {
        List<Group> groups = new ArrayList<>();
        int i = 0;
        while (i < nodes.size()) {
            Node n = nodes.get(i);
            int last = i;
            List<Value> reads = new ArrayList<>(n.inputs());
            Value result = n.output();
            if (n.op() instanceof Ops.Conv2d || n.op() instanceof Ops.Linear) {
                if (last + 1 < nodes.size()) {
                    Node act = nodes.get(last + 1);
                    if ((act.op() instanceof Ops.Relu || act.op() instanceof Ops.Gelu) && act.input().equals(result)
                            && graph.isPrivateTo(result, act)) {
                        last++;
                        result = act.output();
                    }
                }
                if (last + 1 < nodes.size()) {
                    Node add = nodes.get(last + 1);
                    if (add.op() instanceof Ops.Add && add.inputs().contains(result) && graph.isPrivateTo(result, add)) {
                        Value other = add.inputs().get(0).equals(result) ? add.inputs().get(1) : add.inputs().get(0);
                        if (!other.equals(result) && definedBefore(other, i)) {
                            last++;
                            reads.add(other);
                            result = add.output();
                        }
                    }
                }
            } else if (n.op() instanceof Ops.AvgPool && isPoolMixer(i)) {
                last = i + 3;
                result = nodes.get(last).output();
            }
            groups.add(new Group(i, last, reads, result));
            i = last + 1;
        }
        return groups;
    }

    /** {@code add(x, scale(sub(avgpool(x), x)))} at nodes {@code i..i+3}, intermediates private. */
    private boolean isPoolMixer(int i) {
        if (i + 3 >= nodes.size()) {
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

    // ---------------------------------------------------------------- lowering

    private VectorStep lower(Group g) {
        Node n = nodes.get(g.first);
        Value in = n.input();
        float[] x = buffers.get(in.id());
        float[] y = buffers.get(g.writes.id());
        return switch (n.op()) {
            case Ops.Conv2d c -> gemm(g, n, x, y);
            case Ops.Linear l -> gemm(g, n, x, y);
            case Ops.AvgPool p -> {
                float[] scale = g.last > g.first ? ((Ops.ChannelScale) nodes.get(g.first + 2).op()).scale() : null;
                VectorSteps.Pool s = new VectorSteps.Pool(x, y, batch, in.dim(0), in.dim(1), in.dim(2), p, scale, scratch);
                need(s.scratchSize());
                yield s;
            }
            case Ops.Relu r -> new VectorSteps.Elementwise("relu", x, null, y, elements(in));
            case Ops.Gelu ge -> new VectorSteps.Elementwise("gelu", x, null, y, elements(in));
            case Ops.Add a -> new VectorSteps.Elementwise("add", x, buffers.get(n.inputs().get(1).id()), y, elements(in));
            case Ops.Sub s -> new VectorSteps.Elementwise("sub", x, buffers.get(n.inputs().get(1).id()), y, elements(in));
            case Ops.ChannelScale s -> in.rank() == 3
                    ? VectorSteps.ChannelScale.featureMap(x, y, s.scale(), batch, in.dim(1) * in.dim(2))
                    : VectorSteps.ChannelScale.rows(x, y, s.scale(), elements(in) / s.scale().length);
            case Ops.ToTokens t -> new VectorSteps.ToTokens(x, y, batch, in.dim(0), in.dim(1) * in.dim(2));
            case Ops.LayerNorm l -> {
                VectorSteps.LayerNorm s = new VectorSteps.LayerNorm(x, y, elements(in) / l.gamma().length, l, scratch);
                need(s.scratchSize());
                yield s;
            }
            case Ops.Attention a -> {
                VectorSteps.Attention s = new VectorSteps.Attention(x, y, batch, a, scratch);
                need(s.scratchSize());
                yield s;
            }
            case Ops.MeanTokens m -> new VectorSteps.MeanTokens(x, y, batch, in.dim(0), in.dim(1));
            case Ops.BatchNorm b -> new VectorSteps.BatchNorm(x, y, batch, in.dim(0), in.dim(1) * in.dim(2), b);
            case Ops.DepthwiseConv2d c -> ImageSteps.depthwise(x, y, batch, in, n.output(), c);
            case Ops.Attention2d a -> {
                Value k = n.inputs().get(1);
                Value v = n.inputs().get(2);
                need(ImageSteps.attentionScratch(a));
                yield ImageSteps.attention(x, buffers.get(k.id()), buffers.get(v.id()), y, batch, in, k, v, n.output(), a, scratch);
            }
            case Ops.Upsample2x u -> ImageSteps.upsample(x, y, batch, in);
        };
    }

    private VectorStep gemm(Group g, Node n, float[] x, float[] y) {
        int act = GemmStep.ACT_NONE;
        float[] residual = null;
        StringBuilder kind = new StringBuilder(n.op().kind());
        for (int j = g.first + 1; j <= g.last; j++) {
            Node f = nodes.get(j);
            switch (f.op()) {
                case Ops.Relu r -> act = GemmStep.ACT_RELU;
                case Ops.Gelu ge -> act = GemmStep.ACT_GELU;
                case Ops.Add a -> residual = buffers.get(g.reads.get(g.reads.size() - 1).id());
                default -> throw new IllegalStateException("cannot fuse " + f);
            }
            kind.append('+').append(f.op().kind());
        }
        Value in = n.input();
        GemmStep s = switch (n.op()) {
            case Ops.Conv2d c -> GemmStep.conv(kind.toString(), c, batch, in.dim(1), in.dim(2), x, y, act, residual, scratch, threads);
            case Ops.Linear l -> GemmStep.linear(kind.toString(), l, elements(in) / l.inFeatures(), x, y, act, residual, scratch, threads);
            default -> throw new IllegalStateException(n.toString());
        };
        need(s.scratchSize());
        return s;
    }

    private void need(int floats) {
        scratchFloats = Math.max(scratchFloats, floats);
    }
}
