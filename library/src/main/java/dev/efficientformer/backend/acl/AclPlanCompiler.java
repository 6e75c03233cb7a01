package dev.efficientformer.backend.acl;

import static dev.efficientformer.bindings.acl.efficientformer_acl_h.*;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.graph.FoldBatchNorm;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.Lowering;
import dev.efficientformer.graph.MemoryPlan;
import dev.efficientformer.graph.Node;
import dev.efficientformer.graph.Op;
import dev.efficientformer.graph.Ops;
import dev.efficientformer.graph.StageLabels;
import dev.efficientformer.graph.Value;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lowers a graph to handles of the Arm Compute Library shim ({@code native/include/efficientformer_acl.h})
 * for one batch size. The structure follows {@code DnnlPlanCompiler}.
 *
 * <p>Layouts: feature maps live in NHWC, the shim's only layout, so the Flat into tokens is free
 * (an NHWC {@code [B, C, H, W]} buffer is the token-major {@code [B, H*W, C]}); tokens and vectors
 * are row-major. The caller's NCHW image is transposed into NHWC by the plan (three channels: a
 * cheap gather), and a feature-map output back.
 *
 * <p>Lowering and fusions: a ReLU or GELU following a convolution or linear layer is fused into it
 * (the shim's {@code activation} argument); the pool mixer is an average pooling
 * ({@code count_include_pad = 0}) and broadcasting eltwise sub, mul (by the per-channel scale) and
 * add; residual adds, scales, layer norms and activations run in place when their operand dies
 * there; attention is a strided batched matmul reading q and k in place from the qkv buffer
 * ({@code alpha} = the softmax scale), the bias added in place, a softmax over rows, and a second
 * strided matmul writing the head-interleaved output directly; the mean over tokens is an average
 * pooling with an {@code (N, 1)} window.
 *
 * <p>Memory: decided before lowering by {@link MemoryPlan} (shared with the other backends): the
 * token view shares its map's buffer, elementwise functions write over an operand that dies there,
 * and buffers whose lives do not overlap (ops' scratch included) share one of a few native blocks,
 * so a plan holds a few times the largest activation rather than every activation.
 *
 * <p>Every size is checked here, in Java, before it reaches native code: weight and bias lengths
 * against the op's shape, buffer sizes against the elements each call reads or writes (strided
 * views included), and each handle's output dims against the graph's shape.
 *
 * <p>Thread-safety: not thread-safe; one compiler per plan.
 */
final class AclPlanCompiler {
    /** The shim's limit: every tensor has at most 2^31 - 1 elements. */
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE;

    private final Graph graph;
    private final int batch;
    private final int threads;
    private final AclHandles h = new AclHandles();
    private final List<Node> nodes;
    private final String[] stages;
    private String currentStage = "stem";
    private final Map<Integer, Value> values = new HashMap<>();
    private final List<AclPlan.Step> steps = new ArrayList<>();
    /** Where each value is stored ({@link MemoryPlan#buffers}), and one native block per slot of those buffers. */
    private MemoryPlan.Buffers buffers;
    private MemoryPlan.Slots slots;
    private MemorySegment[] slotMemory;
    /** The graph's nodes in steps (a layer with its activation, or one node), as lowered and as the memory plan sees them. */
    private List<Lowering.Step> plan;
    /** Each node's planned scratch buffers, taken in order while it is lowered. */
    private final Map<Integer, Deque<MemorySegment>> scratch = new HashMap<>();
    private int currentNode;

    private AclPlanCompiler(Graph graph, int batch, int threads) {
        this.graph = graph;
        this.batch = batch;
        this.threads = threads;
        this.nodes = graph.nodes();
        this.stages = StageLabels.of(graph);
    }

    /** Compiles {@code graph}; on any failure every handle created so far is destroyed. */
    static AclPlan compile(Graph graph, int batch, int threads) {
        if (batch < 1 || threads < 1) {
            throw new EfficientFormerException("batch and threads must be at least 1, got batch " + batch + ", threads " + threads);
        }
        AclPlanCompiler c = new AclPlanCompiler(graph, batch, threads);
        try {
            return c.build();
        } catch (RuntimeException e) {
            c.h.close();
            throw e;
        }
    }

    private AclPlan build() {
        Value in = graph.input();
        values.put(in.id(), in);
        for (Node n : nodes) {
            values.put(n.output().id(), n.output());
        }
        for (Value v : values.values()) {
            checkElements(v);
        }
        allocate();

        MemorySegment input = data(in);
        for (Lowering.Step step : plan) {
            lower(step);
        }
        MemorySegment out = data(graph.output());

        Map<String, AclPlan.TapSource> taps = new LinkedHashMap<>();
        for (Map.Entry<String, Value> t : graph.taps().entrySet()) {
            if (buffers.of(t.getValue()) >= 0) {
                taps.put(t.getKey(), new AclPlan.TapSource(data(t.getValue()), t.getValue().shape(), t.getValue().rank() == 3));
            }
        }
        h.compiled();
        return new AclPlan(h, steps, input, in.shape(), out, graph.output().shape(), taps, batch, threads,
                cpuDescription());
    }

    private static String cpuDescription() {
        String info = efacl_cpu_info().getString(0);
        // "cpus=4 model=GENERIC fp16=0 ... threads=4": the thread count is the plan's own business.
        return info.replaceAll("\\s*threads=\\d+", "");
    }

    // ---------------------------------------------------------------- buffers

    private void checkElements(Value v) {
        long n = batch * v.elementsPerImage();
        if (n > MAX_ELEMENTS) {
            throw new EfficientFormerException("value " + v + " at batch " + batch + " has " + n
                    + " elements; the Arm Compute Library shim takes at most 2^31 - 1 per tensor: use a smaller batch");
        }
    }

    private long bytes(Value v) {
        return batch * v.elementsPerImage() * Float.BYTES;
    }

    /**
     * The plan's memory, decided before anything is lowered (the shim's functions are configured
     * with their buffers): which values share a buffer ({@link #sharing}), and one native block
     * per slot of buffers whose lives do not overlap.
     */
    private void allocate() {
        plan = Lowering.plan(graph, FUSIONS);
        buffers = MemoryPlan.buffers(graph, plan, this::bytes, sharing(graph));
        // An op's scratch (attention scores, the upsampling's intermediate) lives in its step only.
        List<MemoryPlan.Interval> lives = new ArrayList<>(buffers.lives());
        List<Integer> scratchOwners = new ArrayList<>();
        for (int s = 0; s < plan.size(); s++) {
            int node = plan.get(s).first();
            for (long floats : scratchFloats(nodes.get(node))) {
                lives.add(new MemoryPlan.Interval(floats * Float.BYTES, s, s));
                scratchOwners.add(node);
            }
        }
        slots = MemoryPlan.slots(lives);
        slotMemory = new MemorySegment[slots.count()];
        for (int k = 0; k < slotMemory.length; k++) {
            slotMemory[k] = h.allocate(slots.slotSize()[k]);
        }
        for (int j = 0; j < scratchOwners.size(); j++) {
            MemorySegment memory = slotMemory[slots.slot(buffers.lives().size() + j)];
            scratch.computeIfAbsent(scratchOwners.get(j), k -> new ArrayDeque<>()).add(memory);
        }
    }

    /** The scratch buffers node {@code n} takes, in floats, in the order it takes them (none where lowering will refuse the op). */
    private long[] scratchFloats(Node n) {
        long[] need = switch (n.op()) {
            case Ops.Attention a -> new long[] {(long) batch * a.heads() * a.tokens() * a.tokens()};
            case Ops.Attention2d a -> {
                long scores = (long) batch * a.heads() * a.queries() * a.keys();
                yield a.talkingHeads() ? new long[] {scores, scores} : new long[] {scores};
            }
            case Ops.Upsample2x u -> new long[] {(long) batch * 2 * n.input().elementsPerImage()};
            default -> new long[0];
        };
        for (long floats : need) {
            if (floats < 0 || floats > MAX_ELEMENTS) {
                return new long[0];
            }
        }
        return need;
    }

    /**
     * What the shim's functions share: the token view of a feature map is its buffer (NHWC is
     * already {@code [B, HW, C]}), and the elementwise functions (activation, add, subtract,
     * channel scale, BatchNorm, layer norm) may write over an operand that dies there.
     */
    private static MemoryPlan.Sharing sharing(Graph graph) {
        return new MemoryPlan.Sharing() {
            @Override
            public Value viewOf(Lowering.Step step) {
                Node n = graph.nodes().get(step.first());
                return n.op() instanceof Ops.ToTokens ? n.input() : null;
            }

            @Override
            public List<Value> overwritable(Lowering.Step step) {
                Node n = graph.nodes().get(step.first());
                return switch (n.op()) {
                    case Ops.Relu r -> List.of(n.input());
                    case Ops.Gelu g -> List.of(n.input());
                    case Ops.Add a -> List.of(n.inputs().get(1), n.inputs().get(0));
                    case Ops.Sub sub -> List.of(n.inputs().get(1), n.inputs().get(0));
                    case Ops.ChannelScale c -> List.of(n.input());
                    case Ops.LayerNorm l -> List.of(n.input());
                    default -> List.of();
                };
            }
        };
    }

    /** The bytes of {@code v}, as the plan stored it. */
    private MemorySegment data(Value v) {
        int b = buffers.of(v);
        if (b < 0) {
            throw new IllegalStateException(v + " is read or written but the memory plan stores it nowhere");
        }
        return slotMemory[slots.slot(b)].asSlice(0, bytes(v));
    }


    /** Dims of {@code v} with the batch, in the shim's layout: NHWC for feature maps. */
    private int[] dims(Value v) {
        return switch (v.rank()) {
            case 3 -> new int[] {batch, v.dim(1), v.dim(2), v.dim(0)};
            case 2 -> new int[] {batch, v.dim(0), v.dim(1)};
            case 1 -> new int[] {batch, v.dim(0)};
            default -> throw new EfficientFormerException("acl: no layout for values of rank " + v.rank() + ": " + v);
        };
    }

    /** The channel count of {@code v}: dim 0 of a feature map, else the last dim. */
    private static int channels(Value v) {
        return v.rank() == 3 ? v.dim(0) : v.dim(v.rank() - 1);
    }

    /** Checks that {@code s} holds at least {@code floats} floats before a pointer to it reaches native code. */
    private static void require(MemorySegment s, long floats, String what) {
        if (s.byteSize() < floats * Float.BYTES) {
            throw new IllegalStateException(what + ": buffer of " + s.byteSize() + " bytes, the call touches " + floats + " floats");
        }
    }

    // ---------------------------------------------------------------- lowering

    private void lower(Lowering.Step step) {
        int i = step.first();
        Node n = nodes.get(i);
        currentStage = stages[i];
        currentNode = i;
        switch (n.op()) {
            case Ops.Conv2d c -> layer(step, n);
            case Ops.Linear l -> layer(step, n);
            case Ops.AvgPool p -> avgPool(n, p);
            case Ops.ToTokens t -> { } // a view of its input's buffer: see sharing()
            case Ops.Relu r -> activation(n, EFACL_ACT_RELU());
            case Ops.Gelu g -> activation(n, EFACL_ACT_GELU());
            case Ops.Add a -> eltwise(n, EFACL_ELTWISE_ADD());
            case Ops.Sub s -> eltwise(n, EFACL_ELTWISE_SUB());
            case Ops.ChannelScale s -> channelScale(n, s);
            case Ops.BatchNorm b -> throw FoldBatchNorm.unfolded(n);
            case Ops.LayerNorm l -> layerNorm(n, l);
            case Ops.Attention a -> attention(n, a);
            case Ops.MeanTokens m -> meanTokens(n);
            case Ops.DepthwiseConv2d c -> layer(step, n);
            case Ops.Attention2d a -> attention2d(n, a);
            case Ops.Upsample2x u -> upsample(n);
        }
    }

    /** What the shim fuses (see {@link Lowering}): a layer's activation only. */
    private static final Lowering.FusionSupport FUSIONS = new Lowering.FusionSupport(
            java.util.Set.of(Ops.Conv2d.class, Ops.Linear.class, Ops.DepthwiseConv2d.class),
            java.util.Set.of(Ops.Relu.class, Ops.Gelu.class), false, false);

    /** A convolution or linear layer, with the ReLU or GELU after it fused (the step's last node). */
    private void layer(Lowering.Step step, Node n) {
        Value result = step.output();
        int act = EFACL_ACT_NONE();
        if (step.last() > step.first()) {
            act = nodes.get(step.last()).op() instanceof Ops.Relu ? EFACL_ACT_RELU() : EFACL_ACT_GELU();
        }
        MemorySegment src = data(n.input());
        MemorySegment dst = data(result);
        switch (n.op()) {
            case Ops.Conv2d c -> convolution(n, c, act, src, dst, result);
            case Ops.Linear l -> linear(n, l, act, src, dst);
            case Ops.DepthwiseConv2d c -> depthwise(n, c, act, src, dst, result);
            default -> throw new IllegalStateException(n.toString());
        }
    }

    private void convolution(Node n, Ops.Conv2d c, int act, MemorySegment src, MemorySegment dst, Value result) {
        Value x = n.input();
        int k = c.kernel();
        if (x.rank() != 3 || x.dim(0) != c.inChannels()) {
            throw new EfficientFormerException("acl: " + c.kind() + " expects [" + c.inChannels() + ", H, W], got " + x);
        }
        if (c.weight().length != (long) c.outChannels() * c.inChannels() * k * k || c.bias().length != c.outChannels()) {
            throw new EfficientFormerException("acl: " + c.kind() + " " + n + " has " + c.weight().length + " weights and "
                    + c.bias().length + " biases for " + c.outChannels() + "x" + c.inChannels() + "x" + k + "x" + k);
        }
        int[] xd = dims(x);
        require(src, (long) xd[0] * xd[1] * xd[2] * xd[3], c.kind() + " src");
        MemorySegment out = h.out();
        int p = c.padding();
        int s = c.stride();
        AclException.check(efacl_conv2d_create(out, xd[0], xd[1], xd[2], xd[3], c.outChannels(), k, k, s, s, p, p, p, p,
                h.weights(c.weight()), c.weight().length, EFACL_WEIGHTS_OIHW(), h.weights(c.bias()), c.bias().length, act),
                "create the " + c.kind() + " convolution " + n);
        MemorySegment op = out.get(ValueLayout.ADDRESS, 0);
        h.own(() -> efacl_conv2d_destroy(op));
        MemorySegment d = h.ints(0, 0, 0, 0);
        AclException.check(efacl_conv2d_dst_dims(op, d), "query the dims of " + n);
        checkDims(d, dims(result), n);
        require(dst, batch * result.elementsPerImage(), c.kind() + " dst");
        steps.add(new AclPlan.Step(act == EFACL_ACT_NONE() ? c.kind() : c.kind() + "+" + actName(act), currentStage,
                AclPlan.CONV, op, src, dst, MemorySegment.NULL));
    }

    private void depthwise(Node n, Ops.DepthwiseConv2d c, int act, MemorySegment src, MemorySegment dst, Value result) {
        Value x = n.input();
        int k = c.kernel();
        if (x.rank() != 3 || x.dim(0) != c.channels() || c.weight().length != (long) c.channels() * k * k
                || c.bias().length != c.channels()) {
            throw new EfficientFormerException("acl: " + c.kind() + " " + n + " does not match its " + c.channels() + " channels");
        }
        int[] xd = dims(x);
        require(src, (long) xd[0] * xd[1] * xd[2] * xd[3], c.kind() + " src");
        MemorySegment out = h.out();
        int p = c.padding();
        int s = c.stride();
        AclException.check(efacl_dwconv2d_create(out, xd[0], xd[1], xd[2], xd[3], k, k, s, s, p, p, p, p, h.weights(c.weight()),
                c.weight().length, h.weights(c.bias()), c.bias().length, act), "create the " + c.kind() + " convolution " + n);
        MemorySegment op = out.get(ValueLayout.ADDRESS, 0);
        h.own(() -> efacl_dwconv2d_destroy(op));
        MemorySegment d = h.ints(0, 0, 0, 0);
        AclException.check(efacl_dwconv2d_dst_dims(op, d), "query the dims of " + n);
        checkDims(d, dims(result), n);
        require(dst, batch * result.elementsPerImage(), c.kind() + " dst");
        steps.add(new AclPlan.Step(act == EFACL_ACT_NONE() ? c.kind() : c.kind() + "+" + actName(act), currentStage,
                AclPlan.DWCONV, op, src, dst, MemorySegment.NULL));
    }

    private static String actName(int act) {
        return act == EFACL_ACT_RELU() ? "relu" : "gelu";
    }

    private void checkDims(MemorySegment got, int[] expected, Node n) {
        int[] g = got.toArray(ValueLayout.JAVA_INT);
        if (!Arrays.equals(g, expected)) {
            throw new IllegalStateException("acl: " + n + " produces dims " + Arrays.toString(g) + ", the graph expects "
                    + Arrays.toString(expected));
        }
    }

    private void linear(Node n, Ops.Linear l, int act, MemorySegment src, MemorySegment dst) {
        Value x = n.input();
        if (x.rank() == 3) {
            throw new EfficientFormerException("acl: a linear layer over the last dim of a feature map " + x
                    + " is not supported (feature maps are NHWC); flatten it into tokens first");
        }
        if (x.dim(x.rank() - 1) != l.inFeatures() || l.weight().length != (long) l.outFeatures() * l.inFeatures()
                || l.bias().length != l.outFeatures()) {
            throw new EfficientFormerException("acl: linear " + n + " does not match its " + l.outFeatures() + "x"
                    + l.inFeatures() + " weights");
        }
        long rows = batch * (x.elementsPerImage() / l.inFeatures());
        require(src, rows * l.inFeatures(), "linear src");
        require(dst, rows * l.outFeatures(), "linear dst");
        MemorySegment out = h.out();
        AclException.check(efacl_linear_create(out, Math.toIntExact(rows), l.inFeatures(), l.outFeatures(),
                h.weights(l.weight()), l.weight().length, h.weights(l.bias()), l.bias().length, act),
                "create the linear layer " + n);
        MemorySegment op = out.get(ValueLayout.ADDRESS, 0);
        h.own(() -> efacl_linear_destroy(op));
        steps.add(new AclPlan.Step(act == EFACL_ACT_NONE() ? "linear" : "linear+" + actName(act), currentStage,
                AclPlan.LINEAR, op, src, dst, MemorySegment.NULL));
    }

    private void avgPool(Node n, Ops.AvgPool p) {
        Value x = n.input();
        if (x.rank() != 3) {
            throw new EfficientFormerException("acl: avgpool expects [C, H, W], got " + x);
        }
        MemorySegment src = data(x);
        MemorySegment dst = data(n.output());
        int[] xd = dims(x);
        require(src, batch * x.elementsPerImage(), "avgpool src");
        require(dst, batch * n.output().elementsPerImage(), "avgpool dst");
        int k = p.kernel();
        int s = p.stride();
        int pad = p.padding();
        MemorySegment out = h.out();
        AclException.check(efacl_avgpool_create(out, xd[0], xd[1], xd[2], xd[3], k, k, s, s, pad, pad, pad, pad, 0),
                "create average pooling " + n);
        MemorySegment op = out.get(ValueLayout.ADDRESS, 0);
        h.own(() -> efacl_avgpool_destroy(op));
        MemorySegment d = h.ints(0, 0, 0, 0);
        AclException.check(efacl_avgpool_dst_dims(op, d), "query the dims of " + n);
        checkDims(d, dims(n.output()), n);
        steps.add(new AclPlan.Step("avgpool", currentStage, AclPlan.POOL, op, src, dst, MemorySegment.NULL));
    }

    private void activation(Node n, int function) {
        MemorySegment src = data(n.input());
        MemorySegment dst = data(n.output());
        long count = batch * n.input().elementsPerImage();
        require(src, count, n.op().kind() + " src");
        require(dst, count, n.op().kind() + " dst");
        MemorySegment out = h.out();
        AclException.check(efacl_activation_create(out, count, function), "create " + n.op().kind() + " " + n);
        MemorySegment op = out.get(ValueLayout.ADDRESS, 0);
        h.own(() -> efacl_activation_destroy(op));
        steps.add(new AclPlan.Step(n.op().kind(), currentStage, AclPlan.ACTIVATION, op, src, dst, MemorySegment.NULL));
    }

    /** {@code dst = a (op) b} with broadcasting; {@code a}'s dims are the output's. */
    private void eltwiseStep(String kind, int operation, int[] aDims, MemorySegment a, int[] bDims, MemorySegment b,
                             MemorySegment dst) {
        if (aDims.length != bDims.length || aDims.length > EFACL_MAX_RANK()) {
            throw new IllegalStateException(kind + ": ranks " + Arrays.toString(aDims) + " and " + Arrays.toString(bDims));
        }
        long na = 1;
        long nb = 1;
        for (int d = 0; d < aDims.length; d++) {
            if (bDims[d] != aDims[d] && bDims[d] != 1) {
                throw new IllegalStateException(kind + ": " + Arrays.toString(bDims) + " does not broadcast to " + Arrays.toString(aDims));
            }
            na *= aDims[d];
            nb *= bDims[d];
        }
        require(a, na, kind + " a");
        require(b, nb, kind + " b");
        require(dst, na, kind + " dst");
        MemorySegment out = h.out();
        AclException.check(efacl_eltwise_create(out, operation, aDims.length, h.ints(aDims), h.ints(bDims)), "create " + kind);
        MemorySegment op = out.get(ValueLayout.ADDRESS, 0);
        h.own(() -> efacl_eltwise_destroy(op));
        MemorySegment d = h.ints(new int[aDims.length]);
        AclException.check(efacl_eltwise_dst_dims(op, d), "query the dims of " + kind);
        if (!Arrays.equals(d.toArray(ValueLayout.JAVA_INT), aDims)) {
            throw new IllegalStateException(kind + ": dst dims " + Arrays.toString(d.toArray(ValueLayout.JAVA_INT)));
        }
        steps.add(new AclPlan.Step(kind, currentStage, AclPlan.ELTWISE, op, a, b, dst));
    }

    private void eltwise(Node n, int operation) {
        Value a = n.inputs().get(0);
        Value b = n.inputs().get(1);
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new EfficientFormerException("acl: " + n.op().kind() + " of different shapes " + n);
        }
        MemorySegment da = data(a);
        MemorySegment db = data(b);
        MemorySegment dst = data(n.output());
        eltwiseStep(n.op().kind(), operation, dims(a), da, dims(b), db, dst);
    }

    /** Dims that broadcast a per-channel vector over {@code v}'s layout: {1, ..., 1, C}. */
    private int[] channelDims(Value v) {
        int[] d = new int[v.rank() + 1];
        Arrays.fill(d, 1);
        d[d.length - 1] = channels(v);
        return d;
    }

    private void channelScale(Node n, Ops.ChannelScale s) {
        Value x = n.input();
        if (s.scale().length != channels(x)) {
            throw new EfficientFormerException("acl: scale of " + s.scale().length + " channels for " + x);
        }
        MemorySegment src = data(x);
        MemorySegment dst = data(n.output());
        eltwiseStep("scale", EFACL_ELTWISE_MUL(), dims(x), src, channelDims(x), h.constant(s.scale()), dst);
    }

    private void layerNorm(Node n, Ops.LayerNorm l) {
        Value x = n.input();
        int cols = x.dim(x.rank() - 1);
        if (x.rank() == 3) {
            throw new EfficientFormerException("acl: layer norm over the last dim of a feature map " + x
                    + " is not supported (feature maps are NHWC); flatten it into tokens first");
        }
        if (l.gamma().length != cols || l.beta().length != cols) {
            throw new EfficientFormerException("acl: layer norm of " + l.gamma().length + " for " + x);
        }
        long rows = batch * x.elementsPerImage() / cols;
        MemorySegment src = data(x);
        MemorySegment dst = data(n.output());
        require(src, rows * cols, "layernorm src");
        require(dst, rows * cols, "layernorm dst");
        MemorySegment out = h.out();
        AclException.check(efacl_layernorm_create(out, Math.toIntExact(rows), cols, l.eps(), h.weights(l.gamma()),
                l.gamma().length, h.weights(l.beta()), l.beta().length), "create layer normalisation " + n);
        MemorySegment op = out.get(ValueLayout.ADDRESS, 0);
        h.own(() -> efacl_layernorm_destroy(op));
        steps.add(new AclPlan.Step("layernorm", currentStage, AclPlan.LAYERNORM, op, src, dst, MemorySegment.NULL));
    }

    /**
     * Floats a strided view touches, from its first element: dims {b0, b1, rows, cols} with
     * strides {s0, s1, row} (the last dim contiguous).
     */
    private static long extent(long b0, long b1, long rows, long cols, long[] strides) {
        return (b0 - 1) * strides[0] + (b1 - 1) * strides[1] + (rows - 1) * strides[2] + cols;
    }

    private MemorySegment matmul(String what, int heads, int m, int n, int k, long[] aStrides, boolean bTransposed,
                                 long[] bStrides, long[] cStrides, float alpha) {
        return matmul(what, batch, heads, m, n, k, aStrides, bTransposed, bStrides, cStrides, alpha);
    }

    private MemorySegment matmul(String what, int batch0, int heads, int m, int n, int k, long[] aStrides, boolean bTransposed,
                                 long[] bStrides, long[] cStrides, float alpha) {
        MemorySegment out = h.out();
        AclException.check(efacl_matmul_create(out, batch0, heads, m, n, k, h.longs(aStrides), bTransposed ? 1 : 0,
                h.longs(bStrides), h.longs(cStrides), alpha), "create the attention " + what + " matmul");
        MemorySegment op = out.get(ValueLayout.ADDRESS, 0);
        h.own(() -> efacl_matmul_destroy(op));
        return op;
    }

    private void attention(Node n, Ops.Attention a) {
        Value x = n.input();
        int t = a.tokens();
        int kd = a.keyDim();
        int vd = a.valDim();
        int hw = a.headWidth();
        int heads = a.heads();
        long row = (long) heads * hw;
        if (x.rank() != 2 || x.dim(0) != t || x.dim(1) != row || a.bias().length != (long) heads * t * t) {
            throw new EfficientFormerException("acl: attention " + n + " expects [" + t + ", " + row + "] and a bias of "
                    + heads + "x" + t + "x" + t);
        }
        MemorySegment qkv = data(x);
        MemorySegment dst = data(n.output());
        // q, k and v read in place from the qkv rows [B, N, heads, 2kd+vd]; the result written
        // head-interleaved as [B, N, heads, vd].
        long[] qkv3 = {t * row, hw, row};
        attentionCore(heads, t, t, kd, vd, a.scale(), a.bias(), null, qkv, qkv3, qkv.asSlice((long) kd * Float.BYTES), qkv3,
                qkv.asSlice(2L * kd * Float.BYTES), qkv3, dst, new long[] {(long) t * heads * vd, vd, (long) heads * vd});
    }

    /** V2 attention on NHWC maps: q, k and v are per-head strided views, the output written as NHWC directly. */
    private void attention2d(Node n, Ops.Attention2d a) {
        int heads = a.heads();
        int nq = a.queries();
        int nk = a.keys();
        long kh = (long) heads * a.keyDim();
        long dh = (long) heads * a.valDim();
        MemorySegment q = data(n.inputs().get(0));
        MemorySegment k = data(n.inputs().get(1));
        MemorySegment v = data(n.inputs().get(2));
        MemorySegment dst = data(n.output());
        attentionCore(heads, nq, nk, a.keyDim(), a.valDim(), a.scale(), a.bias(), a.talkingHeads() ? a : null, q,
                new long[] {nq * kh, a.keyDim(), kh}, k, new long[] {nk * kh, a.keyDim(), kh}, v, new long[] {nk * dh, a.valDim(), dh},
                dst, new long[] {nq * dh, a.valDim(), dh});
    }

    /**
     * The attention both generations lower to, every operand a strided view ({@code {batch,
     * head, row}} strides in floats): {@code q k^T} scaled by {@code alpha}, the bias added in
     * place, with talking heads ({@code mixes} not null) a mix before and after the softmax (each a
     * matmul of the constant {@code [heads, heads]} mix, broadcast over the batch with stride 0,
     * plus its bias), and {@code a v}. The scores live only inside this op, in scratch the memory
     * plan shares with activations that are dead by then.
     */
    private void attentionCore(int heads, int nq, int nk, int kd, int vd, float scale, float[] bias, Ops.Attention2d mixes,
                               MemorySegment q, long[] qStrides, MemorySegment k, long[] kStrides, MemorySegment v, long[] vStrides,
                               MemorySegment dst, long[] dstStrides) {
        long plane = (long) nq * nk;
        long scoreFloats = (long) batch * heads * plane;
        if (scoreFloats > MAX_ELEMENTS) {
            throw new EfficientFormerException("acl: attention scores of " + scoreFloats + " elements at batch " + batch
                    + "; the shim takes at most 2^31 - 1 per tensor: use a smaller batch");
        }
        MemorySegment scoresFull = takeScratch(scoreFloats * Float.BYTES);
        MemorySegment scores = scoresFull.asSlice(0, scoreFloats * Float.BYTES);
        MemorySegment mixedFull = mixes != null ? takeScratch(scoreFloats * Float.BYTES) : null;
        MemorySegment mixed = mixedFull == null ? null : mixedFull.asSlice(0, scoreFloats * Float.BYTES);

        long[] dense = {heads * plane, plane, nk};
        require(q, extent(batch, heads, nq, kd, qStrides), "attention q");
        require(k, extent(batch, heads, nk, kd, kStrides), "attention k");
        require(scores, extent(batch, heads, nq, nk, dense), "attention scores");
        MemorySegment qkOp = matmul("q.k^T", heads, nq, nk, kd, qStrides, true, kStrides, dense, scale);
        steps.add(new AclPlan.Step("attn_qk", currentStage, AclPlan.MATMUL, qkOp, q, k, scores));
        eltwiseStep("attn_bias", EFACL_ELTWISE_ADD(), new int[] {batch, heads, nq, nk}, scores, new int[] {1, heads, nq, nk},
                h.constant(bias), scores);
        MemorySegment probs = scores;
        if (mixes != null) {
            mixHeads(mixes.mixBefore(), mixes.mixBeforeBias(), heads, plane, scores, mixed);
            probs = mixed;
        }
        MemorySegment out = h.out();
        AclException.check(efacl_softmax_create(out, Math.toIntExact((long) batch * heads * nq), nk), "create the attention softmax");
        MemorySegment softmax = out.get(ValueLayout.ADDRESS, 0);
        h.own(() -> efacl_softmax_destroy(softmax));
        steps.add(new AclPlan.Step("softmax", currentStage, AclPlan.SOFTMAX, softmax, probs, probs, MemorySegment.NULL));
        if (mixes != null) {
            mixHeads(mixes.mixAfter(), mixes.mixAfterBias(), heads, plane, mixed, scores);
            probs = scores;
        }
        require(v, extent(batch, heads, nk, vd, vStrides), "attention v");
        require(dst, extent(batch, heads, nq, vd, dstStrides), "attention output");
        MemorySegment avOp = matmul("a.v", heads, nq, vd, nk, dense, false, vStrides, dstStrides, 1f);
        steps.add(new AclPlan.Step("attn_av", currentStage, AclPlan.MATMUL, avOp, probs, v, dst));
    }

    /** {@code to[b, g] = bias[g] + sum_h mix[g, h] from[b, h]} over planes of {@code plane} floats. */
    private void mixHeads(float[] mix, float[] bias, int heads, long plane, MemorySegment from, MemorySegment to) {
        int p = Math.toIntExact(plane);
        long[] mixStrides = {0, 0, heads};
        long[] planes = {heads * plane, heads * plane, plane};
        require(from, batch * heads * plane, "talking heads src");
        require(to, batch * heads * plane, "talking heads dst");
        MemorySegment mixOp = matmul("talking-heads", batch, 1, heads, p, heads, mixStrides, false, planes, planes, 1f);
        steps.add(new AclPlan.Step("talking_heads", currentStage, AclPlan.MATMUL, mixOp, h.constant(mix), from, to));
        eltwiseStep("talking_heads_bias", EFACL_ELTWISE_ADD(), new int[] {batch, heads, p}, to, new int[] {1, heads, 1},
                h.constant(bias), to);
    }

    /**
     * Bilinear x2 (half-pixel centres) on an NHWC map as two matmuls with constant interpolation
     * matrices (two non-zero weights per row, so every sum is the reference's two products):
     * rows first ({@code [2H, H] x [H, W*C]} per image), then columns ({@code [2W, W] x [W, C]} per
     * output row).
     */
    private void upsample(Node n) {
        Value x = n.input();
        int c = x.dim(0);
        int hIn = x.dim(1);
        int wIn = x.dim(2);
        MemorySegment src = data(x);
        MemorySegment dst = data(n.output());
        long rowsFloats = (long) batch * 2 * hIn * wIn * c;
        MemorySegment rowsFull = takeScratch(rowsFloats * Float.BYTES);
        MemorySegment rows = rowsFull.asSlice(0, rowsFloats * Float.BYTES);
        long wc = (long) wIn * c;
        require(src, batch * hIn * wc, "upsample src");
        require(dst, batch * 4L * hIn * wc, "upsample dst");
        MemorySegment byRows = matmul("upsampling rows", batch, 1, 2 * hIn, Math.toIntExact(wc), hIn, new long[] {0, 0, hIn}, false,
                new long[] {hIn * wc, hIn * wc, wc}, new long[] {2 * hIn * wc, 2 * hIn * wc, wc}, 1f);
        steps.add(new AclPlan.Step("upsample2x_rows", currentStage, AclPlan.MATMUL, byRows, h.constant(interpolation(hIn)), src, rows));
        MemorySegment byCols = matmul("upsampling columns", Math.toIntExact((long) batch * 2 * hIn), 1, 2 * wIn, c, wIn,
                new long[] {0, 0, wIn}, false, new long[] {wc, wc, c}, new long[] {2 * wc, 2 * wc, c}, 1f);
        steps.add(new AclPlan.Step("upsample2x_cols", currentStage, AclPlan.MATMUL, byCols, h.constant(interpolation(wIn)), rows, dst));
    }

    /** The {@code [2n, n]} matrix of bilinear x2 weights with half-pixel centres, the last sample repeated past the edge. */
    static float[] interpolation(int n) {
        float[] r = new float[2 * n * n];
        for (int o = 0; o < 2 * n; o++) {
            float src = Math.max(0f, (o + 0.5f) * 0.5f - 0.5f);
            int i0 = (int) src;
            int i1 = Math.min(i0 + 1, n - 1);
            float l = src - i0;
            r[o * n + i0] += 1 - l;
            r[o * n + i1] += l;
        }
        return r;
    }

    /** The next scratch buffer the memory plan gave the node being lowered; it holds at least {@code bytes}. */
    private MemorySegment takeScratch(long bytes) {
        Deque<MemorySegment> planned = scratch.get(currentNode);
        MemorySegment s = planned == null ? null : planned.poll();
        if (s == null || s.byteSize() < bytes) {
            throw new IllegalStateException("node " + nodes.get(currentNode) + " needs " + bytes + " bytes of scratch the memory plan did not give it");
        }
        return s;
    }

    /** The mean over tokens: an average pooling of the NHWC map [B, N, 1, C] with an (N, 1) window. */
    private void meanTokens(Node n) {
        Value x = n.input();
        if (x.rank() != 2) {
            throw new EfficientFormerException("acl: mean over tokens expects [N, C], got " + x);
        }
        int t = x.dim(0);
        int c = x.dim(1);
        MemorySegment src = data(x);
        MemorySegment dst = data(n.output());
        require(src, (long) batch * t * c, "mean_tokens src");
        require(dst, (long) batch * c, "mean_tokens dst");
        MemorySegment out = h.out();
        AclException.check(efacl_avgpool_create(out, batch, t, 1, c, t, 1, 1, 1, 0, 0, 0, 0, 1), "create the mean over tokens " + n);
        MemorySegment op = out.get(ValueLayout.ADDRESS, 0);
        h.own(() -> efacl_avgpool_destroy(op));
        MemorySegment d = h.ints(0, 0, 0, 0);
        AclException.check(efacl_avgpool_dst_dims(op, d), "query the dims of " + n);
        checkDims(d, new int[] {batch, 1, 1, c}, n);
        steps.add(new AclPlan.Step("mean_tokens", currentStage, AclPlan.POOL, op, src, dst, MemorySegment.NULL));
    }
}
