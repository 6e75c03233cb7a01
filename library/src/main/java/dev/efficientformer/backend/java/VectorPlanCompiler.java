package dev.efficientformer.backend.java;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.graph.FoldBatchNorm;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.Lowering;
import dev.efficientformer.graph.MemoryPlan;
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
 * <p>Fusions ({@link #FUSIONS}, grouped by {@link Lowering}): a convolution, depthwise
 * convolution or linear layer absorbs its ReLU or GELU and the residual add after it into its
 * epilogue; the pool mixer is one pass per plane.
 *
 * <p>Buffers: heap arrays shared between values whose lifetimes do not overlap, as
 * {@link MemoryPlan#slots} assigns them (a value's array is free again after the last step that
 * reads it; the input, the output and the taps keep theirs). A step's output never shares an array
 * with its inputs.
 *
 * <p>Thread-safety: not thread-safe; one compiler per plan.
 */
final class VectorPlanCompiler {
    /** What the vector tier fuses: every layer's activation and residual epilogue, and the pool mixer. */
    static final Lowering.FusionSupport FUSIONS = new Lowering.FusionSupport(
            java.util.Set.of(Ops.Conv2d.class, Ops.Linear.class, Ops.DepthwiseConv2d.class),
            java.util.Set.of(Ops.Relu.class, Ops.Gelu.class), true, true);

    private final Graph graph;
    private final int batch;
    private final int threads;
    private final List<Node> nodes;
    private final Map<Integer, float[]> buffers = new HashMap<>();
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
        List<Lowering.Step> groups = Lowering.plan(graph, FUSIONS);
        allocate(groups);
        List<VectorStep> steps = new ArrayList<>();
        String[] nodeStages = dev.efficientformer.graph.StageLabels.of(graph);
        List<String> stages = new ArrayList<>();
        for (Lowering.Step group : groups) {
            steps.add(lower(group));
            stages.add(nodeStages[group.first()]);
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

    /** One array per {@link MemoryPlan#slots slot} of the plan's {@link MemoryPlan#buffers buffers}; each stored value gets its buffer's. */
    private void allocate(List<Lowering.Step> groups) {
        MemoryPlan.Buffers plan = MemoryPlan.buffers(graph, groups, this::elements, MemoryPlan.Sharing.NONE);
        MemoryPlan.Slots slots = MemoryPlan.slots(plan.lives());
        float[][] arrays = new float[slots.count()][];
        for (int k = 0; k < arrays.length; k++) {
            arrays[k] = new float[Math.toIntExact(slots.slotSize()[k])];
        }
        int[] bufferOf = plan.bufferOf();
        for (int id = 0; id < bufferOf.length; id++) {
            if (bufferOf[id] >= 0) {
                buffers.put(id, arrays[slots.slot(bufferOf[id])]);
            }
        }
    }

    private int elements(Value v) {
        long n = v.elementsPerImage() * batch;
        if (n > Integer.MAX_VALUE - 64) {
            throw new EfficientFormerException("value " + v + " at batch " + batch + " is too large for the java backend");
        }
        return (int) n;
    }

    // ---------------------------------------------------------------- lowering

    private VectorStep lower(Lowering.Step g) {
        Node n = nodes.get(g.first());
        Value in = n.input();
        float[] x = buffers.get(in.id());
        float[] y = buffers.get(g.output().id());
        return switch (n.op()) {
            case Ops.Conv2d c -> gemm(g, n, x, y);
            case Ops.Linear l -> gemm(g, n, x, y);
            case Ops.AvgPool p -> {
                float[] scale = g.kind() == Lowering.Kind.POOL_MIXER ? ((Ops.ChannelScale) nodes.get(g.first() + 2).op()).scale() : null;
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
            case Ops.BatchNorm b -> throw FoldBatchNorm.unfolded(n);
            case Ops.DepthwiseConv2d c -> gemm(g, n, x, y);
            case Ops.Attention2d a -> {
                Value k = n.inputs().get(1);
                Value v = n.inputs().get(2);
                need(VectorAttention2d.scratchSize(a));
                yield ImageSteps.attention(x, buffers.get(k.id()), buffers.get(v.id()), y, batch, in, k, v, n.output(), a, scratch);
            }
            case Ops.Upsample2x u -> {
                need(Upsample2x.scratchSize(in.dim(1), in.dim(2)));
                yield ImageSteps.upsample(x, y, batch, in, scratch);
            }
        };
    }

    /** A layer with its fused activation and residual: a GEMM, or the depthwise step. */
    private VectorStep gemm(Lowering.Step g, Node n, float[] x, float[] y) {
        int act = GemmStep.ACT_NONE;
        float[] residual = null;
        StringBuilder kind = new StringBuilder(n.op().kind());
        for (int j = g.first() + 1; j <= g.last(); j++) {
            Node f = nodes.get(j);
            switch (f.op()) {
                case Ops.Relu r -> act = GemmStep.ACT_RELU;
                case Ops.Gelu ge -> act = GemmStep.ACT_GELU;
                case Ops.Add a -> residual = buffers.get(g.residual().id());
                default -> throw new IllegalStateException("cannot fuse " + f);
            }
            kind.append('+').append(f.op().kind());
        }
        Value in = n.input();
        if (n.op() instanceof Ops.DepthwiseConv2d c) {
            VectorSteps.Depthwise d = new VectorSteps.Depthwise(kind.toString(), x, y, residual, batch, in, n.output(), c, act, scratch);
            need(d.scratchSize());
            return d;
        }
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
