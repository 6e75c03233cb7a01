package dev.efficientformer.backend.dnnl;

import static dev.efficientformer.bindings.dnnl.dnnl_h.*;
import static dev.efficientformer.bindings.kernels.efficientformer_kernels_h.EFK_ACTIVATION_GELU;
import static dev.efficientformer.bindings.kernels.efficientformer_kernels_h.EFK_ACTIVATION_NONE;
import static dev.efficientformer.bindings.kernels.efficientformer_kernels_h.EFK_ACTIVATION_RELU;
import static dev.efficientformer.bindings.kernels.efficientformer_kernels_h.efk_conv1x1_pack_f32;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.MatmulPrecision;
import dev.efficientformer.graph.FoldBatchNorm;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.Lowering;
import dev.efficientformer.graph.Node;
import dev.efficientformer.graph.Op;
import dev.efficientformer.graph.Ops;
import dev.efficientformer.graph.Value;
import dev.efficientformer.nativelib.KernelsLibrary;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Lowers a graph to oneDNN primitives for one batch size.
 *
 * <p>Layouts: feature maps live in NHWC ({@code acdb}) or channel blocks ({@link ActivationLayouts});
 * an NHWC {@code [B, C, H, W]} buffer is the token-major {@code [B, H*W, C]}, so the Flat into
 * tokens is free from NHWC; tokens and vectors are row-major, and a linear layer over them runs as
 * a 1x1 convolution on channel blocks between two reorders where the channels block evenly
 * ({@link #linearOnChannelBlocks}). Weights are reordered once, here, into the layouts the
 * primitives choose ({@code format_tag_any}).
 *
 * <p>Fusions: an activation following a convolution or linear layer becomes an eltwise post-op;
 * a residual {@code x + layer(...)} becomes a sum post-op writing into {@code x}'s buffer when
 * nothing reads {@code x} afterwards; the pool mixer {@code x + s * (pool(x) - x)} is one pooling
 * primitive with three binary post-ops; attention's {@code q k^T * scale + bias} is one batched
 * matmul with eltwise and binary post-ops reading q and k in place from the qkv buffer, and its
 * {@code a v} writes the head-interleaved output directly.
 *
 * <p>Precision {@link MatmulPrecision#HIGH} on an AMX CPU: a convolution or linear layer that
 * does enough work per input value ({@link #BF16X3_MIN_WORK_PER_INPUT}) on enough rows
 * ({@link #BF16X3_MIN_ROWS}) runs as one bfloat16 primitive over a {@code [hi | lo | hi]} split
 * of its input ({@link Bf16x3Split}, a Java step before it) and {@code [whi; whi; wlo]} weights,
 * accumulating in fp32, with the same post-ops. Feature maps are then all NHWC, the layout the
 * split writes. Everything else (attention's two matmuls, the stem's first convolution, the
 * classifier at small batch) stays fp32.
 *
 * <p>Thread-safety: not thread-safe; one compiler per plan.
 */
final class DnnlPlanCompiler {
    /** A value's storage: its (shared, placed later) bytes, natural descriptor and memory object. */
    private record Buffer(ActivationMemory.Storage data, MemorySegment md, MemorySegment memory, int channelBlock) {
        ActivationLayouts.Layout layout() {
            return new ActivationLayouts.Layout(md, channelBlock);
        }
    }

    /**
     * A step waiting for the activations to be placed: a primitive descriptor (its scratchpad
     * sized later), or a bf16x3 split ({@code pd} null) whose {@code args} are only there to
     * give its buffers their live ranges.
     */
    private record Pending(String kind, String stage, MemorySegment pd, List<PostOps.Arg> args, HostStep host) {
    }

    /** A step that is not a oneDNN primitive, made once its buffers are placed. */
    private sealed interface HostStep permits Split, OwnDepthwise, OwnUpsample, OwnPoolMixer, OwnConv1x1, OwnStem {
        DnnlPlan.Step make(String kind, String stage, ActivationMemory activations);
    }

    /** A bf16x3 split of {@code rows x channels} fp32 values in {@code src} into {@code dst}. */
    private record Split(ActivationMemory.Storage src, ActivationMemory.Storage dst, long rows, int channels) implements HostStep {
        @Override
        public DnnlPlan.Step make(String kind, String stage, ActivationMemory activations) {
            return new DnnlPlan.SplitStep(kind, stage, activations.segment(src), activations.segment(dst), rows, channels);
        }
    }

    /** A bilinear x2 upsampling on the project's own kernel ({@link UpsampleKernelStep}); {@code dims} are the input's. */
    private record OwnUpsample(ActivationMemory.Storage src, ActivationMemory.Storage dst, long[] dims, boolean gelu) implements HostStep {
        @Override
        public DnnlPlan.Step make(String kind, String stage, ActivationMemory activations) {
            return new UpsampleKernelStep(kind, stage, activations.segment(src), activations.segment(dst), dims[0], dims[1], dims[2], dims[3], gelu);
        }
    }

    /** A depthwise 3x3 convolution on the project's own kernel ({@link DepthwiseKernelStep}). */
    private record OwnDepthwise(ActivationMemory.Storage src, ActivationMemory.Storage dst, MemorySegment weights, MemorySegment bias,
                                long[] dims, long channelBlock, boolean gelu) implements HostStep {
        @Override
        public DnnlPlan.Step make(String kind, String stage, ActivationMemory activations) {
            return new DepthwiseKernelStep(kind, stage, activations.segment(src), activations.segment(dst), weights, bias, dims[0], dims[1],
                    dims[2], dims[3], channelBlock, gelu);
        }
    }

    /** The stem's first convolution on the project's own kernel ({@link StemKernelStep}); {@code dims} are the image's. */
    private record OwnStem(ActivationMemory.Storage src, ActivationMemory.Storage dst, MemorySegment weights, MemorySegment bias, long[] dims,
                           long outChannels, long channelBlock, int activation) implements HostStep {
        @Override
        public DnnlPlan.Step make(String kind, String stage, ActivationMemory activations) {
            return new StemKernelStep(kind, stage, activations.segment(src), activations.segment(dst), weights, bias, dims[0], dims[1], outChannels,
                    dims[2], dims[3], channelBlock, activation);
        }
    }

    /** A 1x1 convolution on the project's own kernel ({@link Conv1x1KernelStep}). */
    private record OwnConv1x1(ActivationMemory.Storage src, ActivationMemory.Storage dst, MemorySegment packed, MemorySegment bias,
                              long batch, long inChannels, long outChannels, long pixels, long srcBlock, long dstBlock, boolean gelu,
                              boolean accumulate) implements HostStep {
        @Override
        public DnnlPlan.Step make(String kind, String stage, ActivationMemory activations) {
            return new Conv1x1KernelStep(kind, stage, activations.segment(src), activations.segment(dst), packed, bias, batch, inChannels,
                    outChannels, pixels, srcBlock, dstBlock, gelu, accumulate);
        }
    }

    /** V1's pool mixer on the project's own kernel ({@link PoolMixerKernelStep}). */
    private record OwnPoolMixer(ActivationMemory.Storage src, ActivationMemory.Storage dst, MemorySegment scale, long[] dims,
                                long channelBlock) implements HostStep {
        @Override
        public DnnlPlan.Step make(String kind, String stage, ActivationMemory activations) {
            return new PoolMixerKernelStep(kind, stage, activations.segment(src), activations.segment(dst), scale, dims[0], dims[1], dims[2],
                    dims[3], channelBlock);
        }
    }

    /**
     * Below this many multiply-adds per split input value (output channels x kernel area /
     * stride^2), per plan thread, the split costs more than bf16x3 saves. The split runs on the
     * calling thread alone while oneDNN uses all of the plan's threads, hence "per thread".
     * Measured on Sapphire Rapids (bench, L1 and L7, median of 100 runs, thresholds side by side):
     * batch 1 on one thread was fastest at 128 (L1 17.0 ms; 64: 17.3, 200: 17.9, fp32: 19.6);
     * batch 8 on two threads at 200-256 (61 ms; 128: 66.6, 64: 71.8, fp32: 76.6); batch 1 on two
     * threads at 256 (10.5 ms; 128: 11.1).
     */
    static final int BF16X3_MIN_WORK_PER_INPUT = 128;
    /**
     * Fewer output rows than an AMX tile (16) leave the tiles mostly empty while the weights,
     * 1.5x the fp32 bytes in bf16x3, are streamed all the same: the classifier at batch 1.
     */
    static final int BF16X3_MIN_ROWS = 16;

    private final Graph graph;
    private final int batch;
    private final int threads;
    /**
     * The own 1x1 kernel re-reads either its weights (once per pixel chunk) or its input (once
     * per 32 output channels), the smaller; above this many bytes that operand leaves the L2
     * cache (1 MB per Zen 5 core) and the kernel lost to oneDNN's, whose loops block the input
     * channels: L7's 1536 -> 384 at 14x14 (1.2 MB of input) ran 240 against 188 ms for its stage
     * at batch 8 ({@code bench --profile}). Below it, L1's 896 -> 224 at 14x14 (0.7 MB) was faster.
     */
    static final long OWN_CONV1X1_MAX_REREAD_BYTES = 768 * 1024;
    /** What the step kinds of the project's own kernels end with (profiles tell them from oneDNN's primitives). */
    static final String OWN_KERNEL = " (own kernel)";
    /**
     * Whether the project's own x86_64 kernels run here ({@link #ownDepthwise}, {@link #ownPoolMixer},
     * {@link #ownConv1x1}, {@link #ownStemReadingTheImage}, {@link #upsample}).
     */
    private final boolean ownKernels;
    private final DnnlHandles h = new DnnlHandles();
    private final ActivationMemory activations = new ActivationMemory(h);
    private final ActivationLayouts layouts;
    private final DnnlWeightCache weightCache;
    private final Map<Integer, Buffer> buffers = new HashMap<>();
    /** NHWC copies of blocked maps that convolutions into NHWC read, by value id. */
    private final Map<Integer, Buffer> nhwcCopies = new HashMap<>();
    /** Tokens on channel blocks ({@code [B, C, N, 1]}), by value id: the copies linear layers read, and hidden maps kept there. */
    private final Map<Integer, Buffer> blockedTokens = new HashMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private final List<Node> nodes;
    private final boolean[] lowered;
    private MemorySegment stream;
    /** The convolution that reads the caller's NCHW image as it is ({@link #stemReadingTheImage}), or null. */
    private Node stemOnImage;
    /** The stem convolution the own kernel computes from the caller's NCHW image ({@link #ownStemReadingTheImage}), or null. */
    private Node ownStem;
    private final String[] stages;
    /** The stage of the node being lowered, for the steps it creates. */
    private String currentStage = "stem";
    private long scratchpadBytes;
    /** Whether layers may run as bf16x3 (precision HIGH on an AMX CPU). */
    private final boolean bf16x3;

    private DnnlPlanCompiler(Graph graph, int batch, int threads, DnnlWeightCache weightCache, MatmulPrecision precision) {
        this.weightCache = weightCache;
        this.graph = graph;
        this.batch = batch;
        this.threads = threads;
        this.nodes = graph.nodes();
        this.lowered = new boolean[nodes.size()];
        this.stages = dev.efficientformer.graph.StageLabels.of(graph);
        this.bf16x3 = precision == MatmulPrecision.HIGH && DnnlIsa.hasAmx();
        this.ownKernels = DnnlIsa.hasAvx512() && KernelsLibrary.isUsable();
        if (bf16x3 && !Bf16.vectorApiPresent()) {
            throw new EfficientFormerException("matmul precision high needs the Vector API for its activation split: start the JVM with"
                    + " --add-modules jdk.incubator.vector (or use matmul precision highest)");
        }
        this.layouts = new ActivationLayouts(h, graph, bf16x3);
    }

    /**
     * Compiles {@code graph}, taking prepared weights from {@code shared} (or, when null, from a
     * cache of the plan's own); on any failure everything created so far is destroyed.
     */
    static DnnlPlan compile(Graph graph, int batch, int threads, DnnlWeightCache shared, MatmulPrecision precision) {
        if (batch < 1 || threads < 1) {
            throw new EfficientFormerException("batch and threads must be at least 1, got batch " + batch + ", threads " + threads);
        }
        DnnlWeightCache cache = shared;
        if (cache == null) {
            cache = new DnnlWeightCache();
        }
        DnnlPlanCompiler c = new DnnlPlanCompiler(graph, batch, threads, cache, precision);
        if (shared == null) {
            c.h.own(cache::close);
        }
        try {
            return c.build();
        } catch (RuntimeException e) {
            c.h.close();
            throw e;
        }
    }

    private DnnlPlan build() {
        stream = h.stream();
        OpenMpThreads.set(threads);

        // The caller's row-major input is copied into this buffer; a feature map is then
        // reordered into NHWC (oneDNN's NCHW-in/NHWC-out stem convolution is a reference
        // kernel, far slower than this reorder), unless the stem reads it as it is.
        Value in = graph.input();
        ActivationMemory.Storage userInput;
        if (in.rank() == 3) {
            MemorySegment userMd = h.md(dimsOf(batch, in), dnnl_nchw());
            userInput = activations.storage(dnnl_memory_desc_get_size(userMd));
            stemOnImage = stemReadingTheImage(userMd);
            ownStem = stemOnImage == null ? ownStemReadingTheImage() : null;
            if (ownStem != null || stemOnImage != null) {
                alias(in, userInput, new ActivationLayouts.Layout(userMd, 1));
            } else {
                Buffer input = buffer(in, layouts.nhwc(dimsOf(batch, in)));
                reorder("input reorder", userMd, activations.bind(userMd, userInput, 0), input.md, input.memory);
            }
        } else {
            userInput = buffer(in).data;
        }
        activations.pin(userInput);

        for (int i = 0; i < nodes.size(); i++) {
            if (!lowered[i]) {
                lower(i);
            }
        }

        // The caller gets the output row-major; a feature map comes back from NHWC.
        Value outValue = graph.output();
        ActivationMemory.Storage userOutput;
        if (outValue.rank() == 3) {
            MemorySegment userMd = h.md(dimsOf(batch, outValue), dnnl_nchw());
            userOutput = activations.storage(dnnl_memory_desc_get_size(userMd));
            Buffer output = buffer(outValue);
            reorder("output reorder", output.md, output.memory, userMd, activations.bind(userMd, userOutput, 0));
        } else {
            userOutput = buffer(outValue).data;
        }
        activations.pin(userOutput);
        return finish(userInput, userOutput);
    }

    // ---------------------------------------------------------------- buffers

    private static long[] dimsOf(int batch, Value v) {
        long[] d = new long[v.rank() + 1];
        d[0] = batch;
        for (int i = 0; i < v.rank(); i++) {
            d[i + 1] = v.dim(i);
        }
        return d;
    }

    /** Feature maps as {@link ActivationLayouts} chooses for their stage; tokens and vectors row-major. */
    private ActivationLayouts.Layout layoutOf(Value v) {
        long[] dims = dimsOf(batch, v);
        return switch (dims.length) {
            case 4 -> layouts.featureMap(v, dims);
            case 3 -> new ActivationLayouts.Layout(h.md(dims, dnnl_abc()), 1);
            case 2 -> new ActivationLayouts.Layout(h.md(dims, dnnl_ab()), 1);
            default -> throw new EfficientFormerException("no layout for rank " + dims.length);
        };
    }

    /** The value's buffer, allocated on first use. */
    private Buffer buffer(Value v) {
        Buffer b = buffers.get(v.id());
        return b != null ? b : buffer(v, layoutOf(v));
    }

    /** The value's buffer, allocated in {@code layout} on first use. */
    private Buffer buffer(Value v, ActivationLayouts.Layout layout) {
        Buffer b = buffers.get(v.id());
        if (b == null) {
            ActivationMemory.Storage data = activations.storage(dnnl_memory_desc_get_size(layout.md()));
            b = alias(v, data, layout);
        }
        return b;
    }

    /** Makes {@code v} live in {@code data} (an in-place result or a free reshape). */
    private Buffer alias(Value v, ActivationMemory.Storage data, ActivationLayouts.Layout layout) {
        Buffer b = new Buffer(data, layout.md(), activations.bind(layout.md(), data, 0), layout.channelBlock());
        buffers.put(v.id(), b);
        return b;
    }

    /** A memory object viewing a storage, from {@code offset} bytes, through another descriptor. */
    private MemorySegment view(MemorySegment md, ActivationMemory.Storage data, long offset) {
        return activations.bind(md, data, offset);
    }

    /** Constant floats copied into plan memory, with a plain descriptor. */
    private MemorySegment constant(float[] values, long[] dims, int tag) {
        MemorySegment md = h.md(dims, tag);
        MemorySegment data = h.allocate(dnnl_memory_desc_get_size(md));
        MemorySegment.copy(values, 0, data, ValueLayout.JAVA_FLOAT, 0, values.length);
        return h.memory(md, data);
    }

    /** Floats copied into plan memory (freed with the plan), for the own kernels' weights. */
    private MemorySegment floats(float[] values) {
        MemorySegment data = h.allocate((long) values.length * Float.BYTES);
        MemorySegment.copy(values, 0, data, ValueLayout.JAVA_FLOAT, 0, values.length);
        return data;
    }

    /**
     * A step of the plan's own ({@code host}, not a oneDNN primitive) that reads {@code src} and
     * writes {@code dst}: the two memories give their buffers their live ranges.
     */
    private void addHost(String kind, MemorySegment src, MemorySegment dst, HostStep host) {
        pending.add(new Pending(kind, currentStage, null, List.of(new PostOps.Arg(DNNL_ARG_SRC(), src), new PostOps.Arg(DNNL_ARG_DST(), dst)),
                host));
    }

    // ---------------------------------------------------------------- lowering

    private void lower(int i) {
        Node n = nodes.get(i);
        lowered[i] = true;
        currentStage = stages[i];
        switch (n.op()) {
            case Ops.Conv2d c -> layer(i, n);
            case Ops.Linear l -> layer(i, n);
            case Ops.AvgPool p -> {
                if (!poolMixer(i, p)) {
                    pooling(n, p, new PostOps(h), buffer(n.output()));
                }
            }
            case Ops.ToTokens t -> toTokens(n);
            case Ops.Relu r -> eltwise(n, dnnl_eltwise_relu());
            case Ops.Gelu g -> eltwise(n, dnnl_eltwise_gelu_erf());
            case Ops.Add a -> sum(n);
            case Ops.Sub s -> binary(n, dnnl_binary_sub());
            case Ops.ChannelScale s -> channelScale(n, s);
            case Ops.LayerNorm l -> layerNorm(n, l);
            case Ops.Attention a -> attention(n, a);
            case Ops.MeanTokens m -> meanTokens(n);
            case Ops.DepthwiseConv2d c -> layer(i, n);
            case Ops.Attention2d a -> attention2d(i, n, a);
            case Ops.Upsample2x u -> upsample(i, n);
            case Ops.BatchNorm b -> throw FoldBatchNorm.unfolded(n);
        }
    }

    /** The layers that take a fused activation (see {@link Lowering}). */
    private static final Lowering.FusionSupport FUSIONS = new Lowering.FusionSupport(java.util.Set.of(Ops.Conv2d.class, Ops.Linear.class, Ops.DepthwiseConv2d.class),
            java.util.Set.of(Ops.Relu.class, Ops.Gelu.class), true, true);

    /**
     * For a layer at {@code i} producing {@code r}: an {@code add(x, r)} whose {@code x} can be
     * overwritten in place (read by no node after the layer, not observable, not the input).
     */
    private int residualAdd(int i, Value r) {
        for (int j = i + 1; j < nodes.size(); j++) {
            Node add = nodes.get(j);
            if (lowered[j] || !(add.op() instanceof Ops.Add) || !add.inputs().contains(r) || !graph.isPrivateTo(r, add)) {
                continue;
            }
            Value x = add.inputs().get(0).equals(r) ? add.inputs().get(1) : add.inputs().get(0);
            if (x.equals(r) || x.equals(graph.input()) || !buffers.containsKey(x.id())) {
                return -1;
            }
            // Every value stored in x's bytes (x itself, or a free reshape of it) must be dead.
            ActivationMemory.Storage storage = buffers.get(x.id()).data;
            for (Map.Entry<Integer, Buffer> e : buffers.entrySet()) {
                if (e.getValue().data != storage) {
                    continue;
                }
                Value sharer = valueById(e.getKey());
                if (graph.isObservable(sharer)) {
                    return -1;
                }
                for (int k = i; k < nodes.size(); k++) {
                    if (k != j && nodes.get(k).inputs().contains(sharer)) {
                        return -1;
                    }
                }
            }
            return j;
        }
        return -1;
    }

    private Value valueById(int id) {
        if (graph.input().id() == id) {
            return graph.input();
        }
        for (Node n : nodes) {
            if (n.output().id() == id) {
                return n.output();
            }
        }
        throw new IllegalStateException("no value %" + id);
    }

    /** A convolution or linear layer with a fused activation and residual add where possible. */
    private void layer(int i, Node n) {
        PostOps post = new PostOps(h);
        Value result = n.output();
        int act = Lowering.activationAfter(graph, i, FUSIONS);
        if (act >= 0) {
            post.eltwise(activation(nodes.get(act)), 0f, 0f);
            lowered[act] = true;
            result = nodes.get(act).output();
        }
        Buffer dst;
        int add = residualAdd(act >= 0 ? act : i, result);
        if (add < 0 && act >= 0 && !ownKernels && n.op() instanceof Ops.Conv2d c && withDepthwise(n, c, act)) {
            return;
        }
        if (add >= 0) {
            Node addNode = nodes.get(add);
            Value x = addNode.inputs().get(0).equals(result) ? addNode.inputs().get(1) : addNode.inputs().get(0);
            post.sum();
            lowered[add] = true;
            Buffer xb = buffer(x);
            dst = alias(addNode.output(), xb.data, xb.layout());
        } else if (n.op() instanceof Ops.Linear l && hiddenStaysOnBlocks(n, l, result)) {
            linearOnChannelBlocks(n, l, post, act, null, result);
            return;
        } else {
            dst = buffer(result);
        }
        switch (n.op()) {
            case Ops.Conv2d c -> {
                if (n == ownStem) {
                    ownStem(n, c, act, dst);
                } else if (!ownConv1x1(n, c, act, add >= 0, dst)) {
                    convolution(n, c, post, dst);
                }
            }
            case Ops.Linear l -> linear(n, l, post, act, dst);
            case Ops.DepthwiseConv2d c -> {
                if (add >= 0 || !ownDepthwise(n, c, act, dst)) {
                    depthwise(n, c, post, dst);
                }
            }
            default -> throw new IllegalStateException(n.toString());
        }
    }

    /**
     * A depthwise 3x3 convolution (stride 1, padding 1) and the GELU after it, if any, as one step
     * of the project's own x86_64 kernel ({@link DepthwiseKernelStep}) instead of a oneDNN
     * primitive, where it runs: the kernels are usable ({@link KernelsLibrary}: bundled, AVX-512F,
     * not switched off) and oneDNN runs AVX-512 too (so channel blocks are 16), and input and
     * output share one layout, 16-channel blocks or NHWC (any channel count). On one Zen 5
     * core the kernel with GELU ran 68-79 GFLOPS against 36-47 for oneDNN's {@code brdgmm_dw} and
     * {@code jit_dw} with a fused GELU on EfficientFormerV2's shapes. It splits its channel planes
     * across the plan's OpenMP threads (oneDNN's libgomp, the thread count the plan sets), each
     * output computed the same way whatever the split: results stay bit for bit the same whatever
     * the thread count, as oneDNN's do, which is why it runs in plans of any thread count.
     *
     * @return whether the nodes were lowered
     */
    private boolean ownDepthwise(Node n, Ops.DepthwiseConv2d c, int act, Buffer dst) {
        boolean gelu = isGelu(act);
        if (!ownKernels || c.kernel() != 3 || c.stride() != 1 || c.padding() != 1 || (act >= 0 && !gelu)) {
            return false;
        }
        Buffer src = buffer(n.input());
        long block = src.channelBlock;
        if (block != dst.channelBlock || !KernelArguments.runsLayout(c.channels(), block)) {
            return false;
        }
        addHost(c.kind() + (gelu ? "+gelu" : "") + OWN_KERNEL, src.memory, dst.memory,
                new OwnDepthwise(src.data, dst.data, floats(c.weight()), floats(c.bias()), dimsOf(batch, n.output()), block, gelu));
        return true;
    }

    /**
     * A 1x1 convolution (stride 1), the GELU after it if any and the residual sum into {@code dst}
     * if {@code accumulate}, as one step of the project's own x86_64 kernel ({@link
     * Conv1x1KernelStep}) where it runs: the kernels are usable, input and output are each on
     * 16-channel blocks or NHWC (so a projection into or out of a V2 attention's NHWC maps needs
     * no reorder), the plan does not run the layer as bf16x3, the operand the kernel re-reads fits
     * {@link #OWN_CONV1X1_MAX_REREAD_BYTES}, and the plan is for one image: at batch 8 (batch
     * split into two single-thread plans of 4) L7 ran 4-5% slower with this kernel (455-467 against
     * 433-441 ms, alternating {@code bench} runs), as it streams each layer's weights once per
     * image where oneDNN's batch blocking reads them once. On one Zen 5 core oneDNN's
     * {@code jit_1x1} (blocks) ran 138-204 GFLOPS on EfficientFormer V1's shapes and its
     * {@code brgconv_1x1} (NHWC) 143-196 on V2's in a run (the slowest with a fused GELU); the
     * kernel runs 150-220 with the weights in cache and, as it prefetches each group's weights
     * while the group before computes, 2-20% less with them coming from memory (the most where a
     * layer has few pixels per weight; {@code native/x86/test.sh}). Whole models at batch 1 on one
     * thread ran 2% (L1) to 6% (V2-S1) faster than with oneDNN's NHWC 1x1 convolutions and no
     * prefetching. Each output is computed the same way whatever the split across threads.
     *
     * @return whether the nodes were lowered
     */
    private boolean ownConv1x1(Node n, Ops.Conv2d c, int act, boolean accumulate, Buffer dst) {
        if (c.kernel() != 1 || c.stride() != 1 || c.padding() != 0) {
            return false;
        }
        return ownConv1x1(n.op().kind(), c, act, accumulate, buffer(n.input()), dst, (long) n.output().dim(1) * n.output().dim(2));
    }

    /**
     * {@link #ownConv1x1(Node, Ops.Conv2d, int, boolean, Buffer)} from {@code src} to {@code dst}
     * of {@code pixels} pixels per image, the step named {@code kind} (a linear layer over tokens
     * runs this way too, {@link #linearOnChannelBlocks}).
     */
    private boolean ownConv1x1(String kind, Ops.Conv2d c, int act, boolean accumulate, Buffer src, Buffer dst, long pixels) {
        boolean gelu = isGelu(act);
        long reread = (long) c.inChannels() * Math.min(c.outChannels(), pixels) * Float.BYTES;
        if (!ownKernels || batch != 1 || reread > OWN_CONV1X1_MAX_REREAD_BYTES || (act >= 0 && !gelu)
                || usesBf16x3(batch * pixels, c.outChannels()) || !KernelArguments.runsLayout(c.inChannels(), src.channelBlock)
                || !KernelArguments.runsLayout(c.outChannels(), dst.channelBlock)) {
            return false;
        }
        addHost(kind + (gelu ? "+gelu" : "") + (accumulate ? "+sum" : "") + OWN_KERNEL, src.memory, dst.memory,
                new OwnConv1x1(src.data, dst.data, packedConv1x1(c), floats(c.bias()), batch, c.inChannels(), c.outChannels(), pixels,
                        src.channelBlock, dst.channelBlock, gelu, accumulate));
        return true;
    }

    /** {@code c}'s weights packed by the kernels' library for {@code efk_conv1x1_f32}, shared through the weight cache. */
    private MemorySegment packedConv1x1(Ops.Conv2d c) {
        long bytes = Conv1x1KernelStep.packedFloats(c.outChannels(), c.inChannels()) * Float.BYTES;
        return weightCache.getOwn(c.weight(), "efk_conv1x1", bytes, packed -> {
            try (Arena tmp = Arena.ofConfined()) {
                MemorySegment weights = tmp.allocateFrom(ValueLayout.JAVA_FLOAT, c.weight());
                int status = efk_conv1x1_pack_f32(weights, packed, c.outChannels(), c.inChannels());
                if (status != 0) {
                    throw new IllegalStateException("packing " + c.outChannels() + "x" + c.inChannels() + " weights failed with status " + status);
                }
            }
        });
    }

    /**
     * A 1x1 convolution and its activation, then the 3x3 depthwise convolution that alone reads
     * that ({@link Lowering#depthwiseAfter}) and its own activation, as one blocked {@code jit_1x1}
     * primitive with oneDNN's depthwise post-op: the wide hidden map of V2's MLP is computed a
     * few rows at a time into a per-thread buffer instead of being written out and read back.
     * oneDNN accepts the fusion only where it expects a gain (a hidden map over twice the L2
     * caches of the threads, on AVX2) and only on channel blocks (so never in a bf16x3 plan, which
     * is all NHWC); anywhere else, or when it would choose another kernel, nothing is lowered here
     * and the two layers run apart.
     *
     * @return whether the nodes were lowered
     */
    private boolean withDepthwise(Node n, Ops.Conv2d c, int act) {
        int dwAt = Lowering.depthwiseAfter(graph, act);
        if (dwAt < 0) {
            return false;
        }
        Node dwNode = nodes.get(dwAt);
        Ops.DepthwiseConv2d dw = (Ops.DepthwiseConv2d) dwNode.op();
        int dwAct = Lowering.activationAfter(graph, dwAt, FUSIONS);
        Value result = dwAct >= 0 ? nodes.get(dwAct).output() : dwNode.output();
        if (residualAdd(dwAct >= 0 ? dwAct : dwAt, result) >= 0) {
            return false;
        }
        Buffer src = buffer(n.input());
        Buffer dst = buffer(result);
        if (src.channelBlock == c.inChannels() || dst.channelBlock == dw.channels()) {
            return false;
        }
        PostOps post = new PostOps(h).eltwise(activation(nodes.get(act)), 0f, 0f).depthwise(dw.kernel(), dw.stride(), dw.padding());
        if (dwAct >= 0) {
            post.eltwise(activation(nodes.get(dwAct)), 0f, 0f);
        }
        long k = c.kernel();
        MemorySegment wAny = h.md(new long[] {c.outChannels(), c.inChannels(), k, k}, dnnl_format_tag_any(), dnnl_f32());
        MemorySegment hiddenAny = h.md(dimsOf(batch, n.output()), dnnl_format_tag_any(), dnnl_f32());
        MemorySegment out = h.out();
        int status = dnnl_convolution_forward_primitive_desc_create(out, DnnlEngine.get(), dnnl_forward_inference(),
                dnnl_convolution_direct(), src.md, wAny, h.md(new long[] {c.outChannels()}, dnnl_a()), hiddenAny, h.dims(1, 1), h.dims(0, 0),
                h.dims(0, 0), h.dims(0, 0), post.attributes());
        if (status != dnnl_success()) {
            return false;
        }
        MemorySegment pd = h.primitiveDesc(out);
        if (!h.implementation(pd).startsWith("jit_1x1")
                || dnnl_memory_desc_equal(dnnl_primitive_desc_query_md(pd, dnnl_query_dst_md(), 0), dst.md) == 0) {
            return false;
        }
        int dwWeights = DNNL_ARG_ATTR_POST_OP_DW() | DNNL_ARG_WEIGHTS();
        int dwBias = DNNL_ARG_ATTR_POST_OP_DW() | DNNL_ARG_BIAS();
        add(c.kind() + "+" + dw.kind(), pd, post, DNNL_ARG_SRC(), src.memory,
                DNNL_ARG_WEIGHTS(), weights(pd, c.weight(), new long[] {c.outChannels(), c.inChannels(), k, k}, dnnl_oihw()),
                DNNL_ARG_BIAS(), constant(c.bias(), new long[] {c.outChannels()}, dnnl_a()),
                dwWeights, weightsIn(dnnl_primitive_desc_query_md(pd, dnnl_query_exec_arg_md(), dwWeights), dw.weight(),
                        new long[] {dw.channels(), 1, 1, dw.kernel(), dw.kernel()}, dnnl_goihw()),
                dwBias, constant(dw.bias(), new long[] {dw.channels()}, dnnl_a()),
                DNNL_ARG_DST(), dst.memory);
        lowered[act] = true;
        lowered[dwAt] = true;
        if (dwAct >= 0) {
            lowered[dwAct] = true;
        }
        return true;
    }

    private static int activation(Node act) {
        return act.op() instanceof Ops.Relu ? dnnl_eltwise_relu() : dnnl_eltwise_gelu_erf();
    }

    /**
     * The convolution that alone reads the image, when its output is one channel block (V2-S0 to
     * S2's 16-channel stem on AVX-512): then NHWC and the blocked layout are the same bytes, and
     * oneDNN's jit first-layer kernel reads the NCHW image directly into that block. That saves
     * the input reorder: V2-S1's two stem convolutions with it took 0.29-0.32 ms against
     * 0.37-0.38 ms with the reorder and the NHWC {@code brg_conv_fwd} (batch 1, one thread, AMD
     * EPYC Zen 5, {@code ONEDNN_VERBOSE=profile_exec}). Null where oneDNN would take a reference
     * kernel for it, or anything else reads the image.
     */
    private Node stemReadingTheImage(MemorySegment imageMd) {
        List<Node> readers = graph.consumers(graph.input());
        if (readers.size() != 1 || !(readers.get(0).op() instanceof Ops.Conv2d c) || !layouts.isOneBlock(c.outChannels())) {
            return null;
        }
        long k = c.kernel();
        long p = c.padding();
        MemorySegment wAny = h.md(new long[] {c.outChannels(), c.inChannels(), k, k}, dnnl_format_tag_any(), dnnl_f32());
        MemorySegment out = h.out();
        int status = dnnl_convolution_forward_primitive_desc_create(out, DnnlEngine.get(), dnnl_forward_inference(),
                dnnl_convolution_direct(), imageMd, wAny, h.md(new long[] {c.outChannels()}, dnnl_a()),
                layouts.blocked(dimsOf(batch, readers.get(0).output())),
                h.dims(c.stride(), c.stride()), h.dims(0, 0), h.dims(p, p), h.dims(p, p), new PostOps(h).attributes());
        return status == dnnl_success() && !h.implementation(h.primitiveDesc(out)).startsWith("ref") ? readers.get(0) : null;
    }

    /**
     * The stem's first convolution where the project's own kernel computes it from the caller's
     * NCHW image (no input reorder), when oneDNN cannot ({@link #stemReadingTheImage}, measured
     * faster for the 16-channel stems it takes): the kernels run here, the image's only reader is a 3x3
     * stride-2 convolution (padding 1, at most 4 input and 48 output channels) with no activation,
     * a ReLU or a GELU after it, and its result is NHWC or on 16-channel blocks. On one Zen 5 core
     * the input reorder and oneDNN's convolution took 0.32 ms for L1's 3 -> 24 stem and 0.38 for
     * V2-L's 3 -> 20 (55-93 GFLOPS: three input channels leave its blocking mostly empty), the
     * kernel 0.15-0.20 with the image in cache ({@code native/x86/test.sh}) and 0.20 (L1) and 0.36
     * (V2-L) in a run ({@code bench --profile}).
     *
     * @return the convolution node, or null
     */
    private Node ownStemReadingTheImage() {
        List<Node> readers = graph.consumers(graph.input());
        if (!ownKernels || readers.size() != 1 || !(readers.get(0).op() instanceof Ops.Conv2d c) || c.kernel() != 3 || c.stride() != 2
                || c.padding() != 1 || c.inChannels() > 4 || c.outChannels() > 48) {
            return null;
        }
        int act = Lowering.activationAfter(graph, nodes.indexOf(readers.get(0)), FUSIONS);
        if (act >= 0 && stemActivation(nodes.get(act).op()) < 0) {
            return null;
        }
        Value result = act >= 0 ? nodes.get(act).output() : readers.get(0).output();
        int block = layoutOf(result).channelBlock();
        return KernelArguments.runsLayout(c.outChannels(), block) ? readers.get(0) : null;
    }

    /** Whether node {@code act} (-1: none) is a GELU. */
    private boolean isGelu(int act) {
        return act >= 0 && nodes.get(act).op() instanceof Ops.Gelu;
    }

    /** The stem kernel's code for activation {@code op}, or -1 where it has none. */
    private static int stemActivation(Op op) {
        return switch (op) {
            case Ops.Relu r -> EFK_ACTIVATION_RELU();
            case Ops.Gelu g -> EFK_ACTIVATION_GELU();
            default -> -1;
        };
    }

    /** Lowers {@link #ownStem} and its activation {@code act} (or -1) into {@code dst}. */
    private void ownStem(Node n, Ops.Conv2d c, int act, Buffer dst) {
        Buffer src = buffer(n.input());
        int activation = act >= 0 ? stemActivation(nodes.get(act).op()) : EFK_ACTIVATION_NONE();
        String suffix = act >= 0 ? "+" + nodes.get(act).op().kind() : "";
        addHost(c.kind() + suffix + OWN_KERNEL, src.memory, dst.memory, new OwnStem(src.data, dst.data, floats(c.weight()), floats(c.bias()),
                dimsOf(batch, n.input()), c.outChannels(), dst.channelBlock, activation));
    }

    /**
     * A convolution between maps of one layout family (both NHWC or both blocked); across a
     * family boundary (the stem's NHWC into the first blocked stage, a blocked stage into the
     * NHWC maps of an attention and back) oneDNN has only reference kernels, so the convolution
     * runs in NHWC between reorders. A 3x3 stride-2 downsampling runs in NHWC between reorders
     * even inside the blocked family ({@link #downsamplesOnNhwc}); a stem may read the NCHW image
     * directly ({@link #stemReadingTheImage}).
     */
    private void convolution(Node n, Ops.Conv2d c, PostOps post, Buffer dst) {
        if (n == stemOnImage) {
            // The destination is NHWC with one block of channels: the same bytes seen as blocked.
            Buffer src = buffer(n.input());
            MemorySegment blockedMd = layouts.blocked(dimsOf(batch, n.output()));
            convolution(n, c, post, src.md, src.memory, blockedMd, view(blockedMd, dst.data, 0));
            return;
        }
        inOneFamily(n, c.inChannels(), c.outChannels(), post, dst, downsamplesOnNhwc(c),
                (p, srcMd, srcMemory, dstMd, dstMemory) -> convolution(n, c, p, srcMd, srcMemory, dstMd, dstMemory));
    }

    /**
     * Whether {@code c} is a 3x3 stride-2 downsampling, which runs on NHWC copies of blocked maps:
     * oneDNN 3.13's NHWC kernel for it ({@code brg_conv_fwd}) took 70-90% of the time of its
     * blocked direct kernel per call on AVX-512 and AVX2 alike, which outweighs the two reorders
     * at batch 1 (L1 1.7% faster per run, batch 1, one thread) and about evens out at batch 4
     * (AMD EPYC Zen 5, {@code ONEDNN_VERBOSE=profile_exec}, AVX2 through
     * {@code ONEDNN_MAX_CPU_ISA=AVX2}).
     */
    private static boolean downsamplesOnNhwc(Ops.Conv2d c) {
        return c.kernel() == 3 && c.stride() == 2;
    }

    /** A convolution given its post-ops and its source and destination descriptors and memory. */
    private interface ConvolutionStep {
        void lower(PostOps post, MemorySegment srcMd, MemorySegment srcMemory, MemorySegment dstMd, MemorySegment dstMemory);
    }

    /**
     * Lowers {@code step} from {@code n}'s input into {@code dst} directly when both are of one
     * layout family (and, with {@code nhwcKernel}, both NHWC), else in NHWC: from an NHWC copy of
     * a blocked input (made once per value, as q, k and v read the same map), into NHWC memory
     * that one reorder writes into {@code dst}, adding a fused residual there with a sum post-op.
     */
    private void inOneFamily(Node n, int inChannels, int outChannels, PostOps post, Buffer dst, boolean nhwcKernel,
                             ConvolutionStep step) {
        Buffer src = buffer(n.input());
        boolean srcNhwc = src.channelBlock == inChannels;
        // In one family, an NHWC source means an NHWC destination.
        if (ActivationLayouts.sameFamily(src.layout(), inChannels, dst.layout(), outChannels) && (!nhwcKernel || srcNhwc)) {
            step.lower(post, src.md, src.memory, dst.md, dst.memory);
            return;
        }
        Buffer nhwcSrc = srcNhwc ? src : nhwcCopies.computeIfAbsent(n.input().id(), id -> {
            MemorySegment md = layouts.nhwc(dimsOf(batch, n.input())).md();
            ActivationMemory.Storage data = activations.storage(dnnl_memory_desc_get_size(md));
            Buffer copy = new Buffer(data, md, view(md, data, 0), inChannels);
            reorder("layout reorder", src.md, src.memory, copy.md, copy.memory);
            return copy;
        });
        if (dst.channelBlock == outChannels) {
            step.lower(post, nhwcSrc.md, nhwcSrc.memory, dst.md, dst.memory);
            return;
        }
        MemorySegment dstMd = layouts.nhwc(dimsOf(batch, n.output())).md();
        MemorySegment dstMemory = view(dstMd, activations.storage(dnnl_memory_desc_get_size(dstMd)), 0);
        throughReorder("layout reorder", post, p -> step.lower(p, nhwcSrc.md, nhwcSrc.memory, dstMd, dstMemory), dstMd, dstMemory,
                dst.md, dst.memory);
    }

    /**
     * A layer whose result reaches its destination {@code to} through a reorder (a layout change):
     * {@code layer} is lowered with {@code post}'s ops but its sum, and the reorder from its
     * result {@code from} does the sum, adding to what {@code to} holds, when {@code post} has one.
     */
    private void throughReorder(String kind, PostOps post, Consumer<PostOps> layer, MemorySegment fromMd, MemorySegment from,
                                MemorySegment toMd, MemorySegment to) {
        layer.accept(post.accumulates() ? post.beforeSum() : post);
        reorder(kind, fromMd, from, toMd, to, post.accumulates() ? new PostOps(h).sum() : new PostOps(h));
    }

    /**
     * Convolution {@code c} computing node {@code n}: a convolution node, or a linear layer run as a
     * 1x1 convolution ({@link #linearOnChannelBlocks}), whose op names the step.
     */
    private void convolution(Node n, Ops.Conv2d c, PostOps post, MemorySegment srcMd, MemorySegment srcMemory, MemorySegment dstMd,
                             MemorySegment dstMemory) {
        long k = c.kernel();
        long s = c.stride();
        long rows = (long) batch * n.output().elementsPerImage() / c.outChannels();
        boolean split = usesBf16x3(rows, c.outChannels() * k * k / (s * s));
        long inChannels = split ? 3L * c.inChannels() : c.inChannels();
        int dataType = split ? dnnl_bf16() : dnnl_f32();
        String kind = split ? n.op().kind() + "_bf16x3" : n.op().kind();
        if (split) {
            Buffer src = buffer(n.input());
            long[] dims = dimsOf(batch, n.input());
            dims[1] = inChannels;
            srcMd = h.md(dims, dnnl_nhwc(), dnnl_bf16());
            srcMemory = splitInput(src, srcMd, (long) batch * n.input().dim(1) * n.input().dim(2), c.inChannels());
        }
        MemorySegment wAny = h.md(new long[] {c.outChannels(), inChannels, k, k}, dnnl_format_tag_any(), dataType);
        MemorySegment biasMd = h.md(new long[] {c.outChannels()}, dnnl_a());
        MemorySegment out = h.out();
        long p = c.padding();
        DnnlException.check(dnnl_convolution_forward_primitive_desc_create(out, DnnlEngine.get(), dnnl_forward_inference(),
                dnnl_convolution_direct(), srcMd, wAny, biasMd, dstMd, h.dims(s, s), h.dims(0, 0), h.dims(p, p), h.dims(p, p),
                post.attributes()), "create a " + kind + " convolution " + n);
        MemorySegment pd = h.primitiveDesc(out);
        MemorySegment weights = split
                ? splitWeights(pd, c.weight(), c.inChannels() * k * k, new long[] {c.outChannels(), inChannels, k, k}, dnnl_oihw())
                : weights(pd, c.weight(), new long[] {c.outChannels(), c.inChannels(), k, k}, dnnl_oihw());
        MemorySegment bias = constant(c.bias(), new long[] {c.outChannels()}, dnnl_a());
        add(kind, pd, post, DNNL_ARG_SRC(), srcMemory, DNNL_ARG_WEIGHTS(), weights, DNNL_ARG_BIAS(), bias,
                DNNL_ARG_DST(), dstMemory);
    }

    /** A depthwise convolution: a grouped one with one channel per group (across layout families as {@link #inOneFamily}). */
    private void depthwise(Node n, Ops.DepthwiseConv2d c, PostOps post, Buffer dst) {
        inOneFamily(n, c.channels(), c.channels(), post, dst, false,
                (p, srcMd, srcMemory, dstMd, dstMemory) -> depthwise(n, c, p, srcMd, srcMemory, dstMd, dstMemory));
    }

    private void depthwise(Node n, Ops.DepthwiseConv2d c, PostOps post, MemorySegment srcMd, MemorySegment srcMemory, MemorySegment dstMd,
                           MemorySegment dstMemory) {
        long k = c.kernel();
        long s = c.stride();
        long p = c.padding();
        long[] wDims = {c.channels(), 1, 1, k, k};
        MemorySegment wAny = h.md(wDims, dnnl_format_tag_any(), dnnl_f32());
        MemorySegment biasMd = h.md(new long[] {c.channels()}, dnnl_a());
        MemorySegment out = h.out();
        DnnlException.check(dnnl_convolution_forward_primitive_desc_create(out, DnnlEngine.get(), dnnl_forward_inference(),
                dnnl_convolution_direct(), srcMd, wAny, biasMd, dstMd, h.dims(s, s), h.dims(0, 0), h.dims(p, p), h.dims(p, p),
                post.attributes()), "create a " + c.kind() + " convolution " + n);
        MemorySegment pd = h.primitiveDesc(out);
        add(c.kind(), pd, post, DNNL_ARG_SRC(), srcMemory, DNNL_ARG_WEIGHTS(), weights(pd, c.weight(), wDims, dnnl_goihw()),
                DNNL_ARG_BIAS(), constant(c.bias(), new long[] {c.channels()}, dnnl_a()), DNNL_ARG_DST(), dstMemory);
    }

    /** Whether a layer of {@code rows} output rows and {@code workPerInput} MACs per input value runs as bf16x3. */
    private boolean usesBf16x3(long rows, long workPerInput) {
        return bf16x3 && rows >= BF16X3_MIN_ROWS && workPerInput >= (long) BF16X3_MIN_WORK_PER_INPUT * threads;
    }

    /**
     * The {@code [hi | lo | hi]} bfloat16 split of {@code src} ({@code rows x channels} fp32,
     * row-major: an NHWC map or tokens) into a new buffer viewed through {@code splitMd}; the
     * split runs as a step of its own just before the layer that reads it.
     */
    private MemorySegment splitInput(Buffer src, MemorySegment splitMd, long rows, int channels) {
        if (src.channelBlock != 1 && src.channelBlock != channels) {
            throw new IllegalStateException("a bf16x3 split needs NHWC or row-major input, not channel blocks of " + src.channelBlock);
        }
        ActivationMemory.Storage dst = activations.storage(dnnl_memory_desc_get_size(splitMd));
        MemorySegment splitMemory = view(splitMd, dst, 0);
        addHost("bf16x3_split", src.memory, splitMemory, new Split(src.data, dst, rows, channels));
        return splitMemory;
    }

    /**
     * The weights of a bf16x3 layer: PyTorch's fp32 values, {@code perOutput} of them per output
     * channel, as bfloat16 {@code [whi; whi; wlo]} per output channel (facing the input's
     * {@code [hi | lo | hi]} along the input axis), prepared once.
     */
    private MemorySegment splitWeights(MemorySegment pd, float[] values, long perOutput, long[] userDims, int userTag) {
        return preparedWeights(dnnl_primitive_desc_query_md(pd, dnnl_query_weights_md(), 0), values, userDims, userTag, dnnl_bf16(), user -> {
            long at = 0;
            for (long o = 0; o < values.length / perOutput; o++) {
                for (int part = 0; part < 3; part++) {
                    for (long i = 0; i < perOutput; i++) {
                        float w = values[Math.toIntExact(o * perOutput + i)];
                        user.setAtIndex(ValueLayout.JAVA_SHORT, at++, part == 2 ? Bf16.lo(w) : Bf16.hi(w));
                    }
                }
            }
        });
    }

    private void linear(Node n, Ops.Linear l, PostOps post, int act, Buffer dst) {
        if (onChannelBlocks(n, l)) {
            linearOnChannelBlocks(n, l, post, act, dst, n.output());
            return;
        }
        Buffer src = buffer(n.input());
        long rows = batch * (n.input().elementsPerImage() / l.inFeatures());
        boolean split = usesBf16x3(rows, l.outFeatures());
        long inFeatures = split ? 3L * l.inFeatures() : l.inFeatures();
        int dataType = split ? dnnl_bf16() : dnnl_f32();
        MemorySegment srcMd = h.md(new long[] {rows, inFeatures}, dnnl_ab(), dataType);
        MemorySegment srcMemory = split ? splitInput(src, srcMd, rows, l.inFeatures()) : view(srcMd, src.data, 0);
        MemorySegment dstMd = h.md(new long[] {rows, l.outFeatures()}, dnnl_ab());
        MemorySegment wAny = h.md(new long[] {inFeatures, l.outFeatures()}, dnnl_format_tag_any(), dataType);
        MemorySegment biasMd = h.md(new long[] {1, l.outFeatures()}, dnnl_ab());
        MemorySegment out = h.out();
        DnnlException.check(dnnl_matmul_primitive_desc_create(out, DnnlEngine.get(), srcMd, wAny, biasMd, dstMd, post.attributes()),
                "create a linear layer (matmul) " + n);
        MemorySegment pd = h.primitiveDesc(out);
        // PyTorch stores [out, in]; as the matmul's [in, out] weights that is the "ba" order.
        MemorySegment weights = split
                ? splitWeights(pd, l.weight(), l.inFeatures(), new long[] {inFeatures, l.outFeatures()}, dnnl_ba())
                : weights(pd, l.weight(), new long[] {l.inFeatures(), l.outFeatures()}, dnnl_ba());
        MemorySegment bias = constant(l.bias(), new long[] {1, l.outFeatures()}, dnnl_ab());
        add(split ? "linear_bf16x3" : "linear", pd, post, DNNL_ARG_SRC(), srcMemory, DNNL_ARG_WEIGHTS(), weights, DNNL_ARG_BIAS(), bias,
                DNNL_ARG_DST(), view(dstMd, dst.data, 0));
    }

    /** Whether linear layer {@code n} runs as a 1x1 convolution on channel blocks ({@link #linearOnChannelBlocks}). */
    private boolean onChannelBlocks(Node n, Ops.Linear l) {
        long rows = batch * (n.input().elementsPerImage() / l.inFeatures());
        return !usesBf16x3(rows, l.outFeatures()) && layouts.blocks(l.inFeatures()) && layouts.blocks(l.outFeatures());
    }

    /**
     * Whether the result of linear layer {@code n} (after its activation) can stay on channel
     * blocks: both {@code n} and the one linear layer that alone reads it run on blocks, as the
     * two layers of V1's token MLP do. Their hidden map is then never reordered to tokens and back
     * (two reorders of the widest map of the last stage: about 0.3 ms per block at L7's batch 4).
     */
    private boolean hiddenStaysOnBlocks(Node n, Ops.Linear l, Value result) {
        List<Node> readers = graph.consumers(result);
        return onChannelBlocks(n, l) && readers.size() == 1 && graph.isPrivateTo(result, readers.get(0))
                && readers.get(0).op() instanceof Ops.Linear next && onChannelBlocks(readers.get(0), next);
    }

    /**
     * A linear layer over tokens as a 1x1 convolution on channel blocks ({@code [B, C, N, 1]}):
     * from the blocked copy of its input (made by a reorder, unless it is a hidden map kept on
     * blocks), into {@code dst} through a reorder (which adds a fused residual with its sum
     * post-op), or, with {@code dst} null, into blocks kept for the next layer as {@code result}.
     * oneDNN's blocked {@code jit_1x1} kernel ran L1's 49-token MLP expansion (448 to 1792, GELU)
     * in 1.16 ms where its {@code brg_matmul} on the token-major rows took 1.77 ms, and the qkv
     * layer in 0.89 against 1.12 ms; the reorders cost about 0.03 ms each
     * ({@code ONEDNN_VERBOSE=profile_exec}, Zen 3, batch 1, one thread).
     */
    private void linearOnChannelBlocks(Node n, Ops.Linear l, PostOps post, int act, Buffer dst, Value result) {
        long tokens = n.input().elementsPerImage() / l.inFeatures();
        long[] inDims = {batch, l.inFeatures(), tokens, 1};
        long[] outDims = {batch, l.outFeatures(), tokens, 1};
        MemorySegment blockedSrcMd = layouts.blocked(inDims);
        MemorySegment blockedDstMd = layouts.blocked(outDims);
        Buffer blockedSrc = blockedTokens.computeIfAbsent(n.input().id(), id -> {
            MemorySegment srcMd = h.md(inDims, dnnl_nhwc());
            ActivationMemory.Storage data = activations.storage(dnnl_memory_desc_get_size(blockedSrcMd));
            Buffer copy = new Buffer(data, blockedSrcMd, view(blockedSrcMd, data, 0), layouts.channelBlock());
            reorder("tokens to channel blocks", srcMd, view(srcMd, buffer(n.input()).data, 0), blockedSrcMd, copy.memory);
            return copy;
        });
        ActivationMemory.Storage dstData = activations.storage(dnnl_memory_desc_get_size(blockedDstMd));
        Buffer blockedDst = new Buffer(dstData, blockedDstMd, view(blockedDstMd, dstData, 0), layouts.channelBlock());
        // PyTorch's [out, in] linear weight is the [out, in, 1, 1] convolution weight; the caller
        // took this path only where the convolution's bf16x3 test (the same rows and work) says no.
        Ops.Conv2d asConvolution = new Ops.Conv2d(l.outFeatures(), l.inFeatures(), 1, 1, 0, l.weight(), l.bias());
        // The residual sum, if any, is the reorder's (throughReorder), so the layer itself never accumulates.
        Consumer<PostOps> layer = p -> {
            if (!ownConv1x1(n.op().kind(), asConvolution, act, false, blockedSrc, blockedDst, tokens)) {
                convolution(n, asConvolution, p, blockedSrcMd, blockedSrc.memory, blockedDstMd, blockedDst.memory);
            }
        };
        if (dst == null) {
            layer.accept(post);
            blockedTokens.put(result.id(), blockedDst);
            return;
        }
        MemorySegment dstMd = h.md(outDims, dnnl_nhwc());
        throughReorder("channel blocks to tokens", post, layer, blockedDstMd, blockedDst.memory, dstMd, view(dstMd, dst.data, 0));
    }

    /** fp32 weights reordered once from their PyTorch layout into the layout the primitive chose. */
    private MemorySegment weights(MemorySegment pd, float[] values, long[] dims, int userTag) {
        return weightsIn(dnnl_primitive_desc_query_md(pd, dnnl_query_weights_md(), 0), values, dims, userTag);
    }

    /** fp32 weights reordered once from their PyTorch layout into {@code chosen}. */
    private MemorySegment weightsIn(MemorySegment chosen, float[] values, long[] dims, int userTag) {
        return preparedWeights(chosen, values, dims, userTag, dnnl_f32(),
                user -> MemorySegment.copy(values, 0, user, ValueLayout.JAVA_FLOAT, 0, values.length));
    }

    /**
     * The primitive's weights, taken from the weight cache or prepared there once: {@code fill}
     * writes {@code values} as {@code dataType} in the user layout ({@code userDims},
     * {@code userTag}), which is then reordered into the layout the primitive chose, {@code chosen}.
     */
    private MemorySegment preparedWeights(MemorySegment chosen, float[] values, long[] userDims, int userTag, int dataType,
                                          Consumer<MemorySegment> fill) {
        MemorySegment data = weightCache.get(values, chosen, target -> {
            try (Arena tmp = Arena.ofConfined(); DnnlHandles once = new DnnlHandles()) {
                MemorySegment userMd = once.md(userDims, userTag, dataType);
                MemorySegment user = tmp.allocate(dnnl_memory_desc_get_size(userMd), 64);
                fill.accept(user);
                ImmediateReorder.run(stream, userMd, once.memory(userMd, user), chosen, once.memory(chosen, target),
                        dataType == dnnl_bf16() ? "bf16x3 weight" : "weight");
            }
        });
        return h.memory(chosen, data);
    }

    /** A reorder run as part of every execution (the input's NCHW to NHWC). */
    private void reorder(String kind, MemorySegment fromMd, MemorySegment from, MemorySegment toMd, MemorySegment to) {
        reorder(kind, fromMd, from, toMd, to, new PostOps(h));
    }

    /** A reorder with post-ops (a sum: the reordered values added to what {@code to} holds). */
    private void reorder(String kind, MemorySegment fromMd, MemorySegment from, MemorySegment toMd, MemorySegment to, PostOps post) {
        MemorySegment attr = post.attributes();
        MemorySegment out = h.out();
        DnnlException.check(dnnl_reorder_primitive_desc_create(out, fromMd, DnnlEngine.get(), toMd, DnnlEngine.get(), attr),
                "create the " + kind);
        add(kind, h.primitiveDesc(out), null, DNNL_ARG_FROM(), from, DNNL_ARG_TO(), to);
    }

    /**
     * {@code [B, C, H, W]} to {@code [B, HW, C]}: free when the map is NHWC, else one reorder
     * into NHWC (the last stage's convolution blocks run blocked, its attention on tokens).
     */
    private void toTokens(Node n) {
        Buffer map = buffer(n.input());
        if (map.channelBlock == n.input().dim(0)) {
            alias(n.output(), map.data, layoutOf(n.output()));
            return;
        }
        Buffer tokens = buffer(n.output());
        MemorySegment nhwc = layouts.nhwc(dimsOf(batch, n.input())).md();
        reorder("to_tokens", map.md, map.memory, nhwc, view(nhwc, tokens.data, 0));
    }

    /**
     * {@code x + s * (pool(x) - x)} as one step: the project's own kernel for a 3x3 pool ({@link
     * #ownPoolMixer}), else one pooling primitive with binary post-ops.
     */
    private boolean poolMixer(int i, Ops.AvgPool p) {
        if (!Lowering.isPoolMixer(graph, i)) {
            return false;
        }
        Node pool = nodes.get(i);
        Value x = pool.input();
        int sub = i + 1;
        int scale = i + 2;
        int add = i + 3;
        Ops.ChannelScale s = (Ops.ChannelScale) nodes.get(scale).op();
        lowered[sub] = true;
        lowered[scale] = true;
        lowered[add] = true;
        Buffer dst = buffer(nodes.get(add).output());
        if (ownPoolMixer(pool, p, s, dst)) {
            return true;
        }
        Buffer xb = buffer(x);
        int c = x.dim(0);
        MemorySegment scaleMd = h.md(new long[] {1, c, 1, 1}, dnnl_nchw());
        PostOps post = new PostOps(h)
                .binary(dnnl_binary_sub(), xb.md, xb.memory)
                .binary(dnnl_binary_mul(), scaleMd, constant(s.scale(), new long[] {1, c, 1, 1}, dnnl_nchw()))
                .binary(dnnl_binary_add(), xb.md, xb.memory);
        pooling(pool, p, post, dst);
        return true;
    }

    /**
     * The pool mixer on the project's own x86_64 kernel where it runs ({@link #ownKernels}; a 3x3
     * pool, stride 1, padding 1, in and out in one layout). On one Zen 5 core oneDNN's pooling with
     * its three binary post-ops took 0.55-0.65 ns per output value on V1's maps, the kernel
     * 0.15-0.28 (L1's mixers 0.64 against 0.32 ms per run): the nine-input sum is separable and
     * the epilogue stays in registers. Like the own
     * depthwise kernel it splits channel planes across the plan's threads, each output computed the
     * same way whatever the split.
     *
     * @return whether the mixer was lowered
     */
    private boolean ownPoolMixer(Node pool, Ops.AvgPool p, Ops.ChannelScale s, Buffer dst) {
        Buffer src = buffer(pool.input());
        long block = src.channelBlock;
        int channels = pool.input().dim(0);
        if (!ownKernels || p.kernel() != 3 || p.stride() != 1 || p.padding() != 1 || block != dst.channelBlock
                || !KernelArguments.runsLayout(channels, block)) {
            return false;
        }
        addHost("pool_mixer" + OWN_KERNEL, src.memory, dst.memory,
                new OwnPoolMixer(src.data, dst.data, floats(s.scale()), dimsOf(batch, pool.output()), block));
        return true;
    }

    private void pooling(Node n, Ops.AvgPool p, PostOps post, Buffer dst) {
        Buffer src = buffer(n.input());
        long k = p.kernel();
        long s = p.stride();
        long pad = p.padding();
        MemorySegment out = h.out();
        DnnlException.check(dnnl_pooling_forward_primitive_desc_create(out, DnnlEngine.get(), dnnl_forward_inference(),
                dnnl_pooling_avg_exclude_padding(), src.md, dst.md, h.dims(s, s), h.dims(k, k), h.dims(0, 0), h.dims(pad, pad),
                h.dims(pad, pad), post.attributes()), "create average pooling " + n);
        add(post.isEmpty() ? "avgpool" : "pool_mixer", h.primitiveDesc(out), post, DNNL_ARG_SRC(), src.memory, DNNL_ARG_DST(), dst.memory);
    }

    private void eltwise(Node n, int alg) {
        Buffer src = buffer(n.input());
        Buffer dst = buffer(n.output());
        MemorySegment out = h.out();
        PostOps none = new PostOps(h);
        DnnlException.check(dnnl_eltwise_forward_primitive_desc_create(out, DnnlEngine.get(), dnnl_forward_inference(), alg, src.md,
                dst.md, 0f, 0f, none.attributes()), "create " + n.op().kind());
        add(n.op().kind(), h.primitiveDesc(out), none, DNNL_ARG_SRC(), src.memory, DNNL_ARG_DST(), dst.memory);
    }

    /**
     * An add no layer absorbed (V2's first block, whose input is the tapped stem): a copy of one
     * operand, then the other reordered onto it with a sum post-op. oneDNN 3.13's aarch64 build
     * refuses to create the binary add of two NHWC maps ({@code dnnl_out_of_memory}, under qemu);
     * reorders work on every build and cost the same two passes.
     */
    private void sum(Node n) {
        Buffer a = buffer(n.inputs().get(0));
        Buffer b = buffer(n.inputs().get(1));
        Buffer dst = buffer(n.output());
        reorder("add (copy)", b.md, b.memory, dst.md, dst.memory);
        reorder("add", a.md, a.memory, dst.md, dst.memory, new PostOps(h).sum());
    }

    private void binary(Node n, int alg) {
        Buffer a = buffer(n.inputs().get(0));
        Buffer b = buffer(n.inputs().get(1));
        Buffer dst = buffer(n.output());
        binaryPrimitive(n.op().kind(), alg, a.md, a.memory, b.md, b.memory, dst);
    }

    private void binaryPrimitive(String kind, int alg, MemorySegment aMd, MemorySegment a, MemorySegment bMd, MemorySegment b, Buffer dst) {
        MemorySegment out = h.out();
        PostOps none = new PostOps(h);
        DnnlException.check(dnnl_binary_primitive_desc_create(out, DnnlEngine.get(), alg, aMd, bMd, dst.md, none.attributes()),
                "create " + kind);
        add(kind, h.primitiveDesc(out), none, DNNL_ARG_SRC_0(), a, DNNL_ARG_SRC_1(), b, DNNL_ARG_DST(), dst.memory);
    }

    private void channelScale(Node n, Ops.ChannelScale s) {
        Value x = n.input();
        Buffer src = buffer(x);
        int c = s.scale().length;
        long[] dims = x.rank() == 3 ? new long[] {1, c, 1, 1} : x.rank() == 2 ? new long[] {1, 1, c} : new long[] {1, c};
        int tag = dims.length == 4 ? dnnl_nchw() : dims.length == 3 ? dnnl_abc() : dnnl_ab();
        MemorySegment scale = constant(s.scale(), dims, tag);
        binaryPrimitive("scale", dnnl_binary_mul(), src.md, src.memory, h.md(dims, tag), scale, buffer(n.output()));
    }

    private void layerNorm(Node n, Ops.LayerNorm l) {
        Buffer src = buffer(n.input());
        Buffer dst = buffer(n.output());
        int c = l.gamma().length;
        MemorySegment out = h.out();
        PostOps none = new PostOps(h);
        DnnlException.check(dnnl_layer_normalization_forward_primitive_desc_create(out, DnnlEngine.get(), dnnl_forward_inference(),
                src.md, dst.md, MemorySegment.NULL, l.eps(), dnnl_use_scale() | dnnl_use_shift(), none.attributes()),
                "create layer normalization " + n);
        add("layernorm", h.primitiveDesc(out), none, DNNL_ARG_SRC(), src.memory, DNNL_ARG_DST(), dst.memory,
                DNNL_ARG_SCALE(), constant(l.gamma(), new long[] {c}, dnnl_a()), DNNL_ARG_SHIFT(), constant(l.beta(), new long[] {c}, dnnl_a()));
    }

    /** V1 attention: q, k and v are strided views of the qkv buffer, {@code [B, heads, N, d]} with the head's columns. */
    private void attention(Node n, Ops.Attention a) {
        Buffer qkv = buffer(n.input());
        Buffer dst = buffer(n.output());
        long b = batch;
        long heads = a.heads();
        long t = a.tokens();
        long kd = a.keyDim();
        long vd = a.valDim();
        long hw = a.headWidth();
        long row = heads * hw;
        MemorySegment qMd = h.md(new long[] {b, heads, t, kd}, new long[] {t * row, hw, row, 1});
        MemorySegment kMd = h.md(new long[] {b, heads, kd, t}, new long[] {t * row, hw, 1, row});
        MemorySegment vMd = h.md(new long[] {b, heads, t, vd}, new long[] {t * row, hw, row, 1});
        // a.v written as [B, N, heads, vd]: the transpose back to tokens costs nothing.
        MemorySegment outMd = h.md(new long[] {b, heads, t, vd}, new long[] {t * heads * vd, vd, heads * vd, 1});
        attentionCore(n, heads, t, t, a.scale(), a.bias(), null, view(qMd, qkv.data, 0), qMd, view(kMd, qkv.data, kd * Float.BYTES), kMd,
                view(vMd, qkv.data, 2 * kd * Float.BYTES), vMd, view(outMd, dst.data, 0), outMd, new PostOps(h));
    }

    /**
     * V2 attention on NHWC maps ({@link ActivationLayouts} keeps every map an attention reads or
     * writes NHWC): q, k and v are strided per-head views of their maps, as V1's are of its qkv buffer,
     * and {@code a v} writes the NHWC output directly. The local value branch is added as a sum
     * post-op into its own buffer, and the GELU after that (when not upsampled first) as an
     * eltwise post-op: no separate passes.
     */
    private void attention2d(int i, Node n, Ops.Attention2d a) {
        Buffer q = buffer(n.inputs().get(0));
        Buffer k = buffer(n.inputs().get(1));
        Buffer v = buffer(n.inputs().get(2));
        PostOps epilogue = new PostOps(h);
        Buffer dst;
        int add = residualAdd(i, n.output());
        if (add >= 0) {
            Node addNode = nodes.get(add);
            Value local = addNode.inputs().get(0).equals(n.output()) ? addNode.inputs().get(1) : addNode.inputs().get(0);
            Buffer lb = buffer(local);
            epilogue.sum();
            lowered[add] = true;
            dst = alias(addNode.output(), lb.data, lb.layout());
            int act = Lowering.activationAfter(graph, add, FUSIONS);
            if (isGelu(act)) {
                epilogue.eltwise(dnnl_eltwise_gelu_erf(), 0f, 0f);
                lowered[act] = true;
                dst = alias(nodes.get(act).output(), lb.data, lb.layout());
            }
        } else {
            dst = buffer(n.output());
        }
        long b = batch;
        long heads = a.heads();
        long nq = a.queries();
        long nk = a.keys();
        long kd = a.keyDim();
        long vd = a.valDim();
        long kh = heads * kd;
        long dh = heads * vd;
        if (q.channelBlock != kh || k.channelBlock != kh || v.channelBlock != dh || dst.channelBlock != dh) {
            throw new IllegalStateException("attention2d needs NHWC operands: " + n);
        }
        MemorySegment qMd = h.md(new long[] {b, heads, nq, kd}, new long[] {nq * kh, kd, kh, 1});
        MemorySegment kMd = h.md(new long[] {b, heads, kd, nk}, new long[] {nk * kh, kd, 1, kh});
        MemorySegment vMd = h.md(new long[] {b, heads, nk, vd}, new long[] {nk * dh, vd, dh, 1});
        MemorySegment outMd = h.md(new long[] {b, heads, nq, vd}, new long[] {nq * dh, vd, dh, 1});
        attentionCore(n, heads, nq, nk, a.scale(), a.bias(), a.talkingHeads() ? a : null, view(qMd, q.data, 0), qMd,
                view(kMd, k.data, 0), kMd, view(vMd, v.data, 0), vMd, view(outMd, dst.data, 0), outMd, epilogue);
    }

    /**
     * The attention both generations lower to, on strided views: {@code q k^T * scale + bias} as
     * one batched matmul with post-ops, with talking heads a mix before and after the softmax
     * ({@code mixes} null: none), and {@code a v} with {@code epilogue}'s post-ops.
     */
    private void attentionCore(Node n, long heads, long nq, long nk, float scale, float[] bias, Ops.Attention2d mixes,
                               MemorySegment q, MemorySegment qMd, MemorySegment k, MemorySegment kMd, MemorySegment v,
                               MemorySegment vMd, MemorySegment dst, MemorySegment dstMd, PostOps epilogue) {
        MemorySegment scoresMd = h.md(new long[] {batch, heads, nq, nk}, dnnl_abcd());
        ActivationMemory.Storage scoresData = activations.storage(dnnl_memory_desc_get_size(scoresMd));
        MemorySegment scores = view(scoresMd, scoresData, 0);
        MemorySegment biasMd = h.md(new long[] {1, heads, nq, nk}, dnnl_abcd());
        PostOps scoresPost = new PostOps(h)
                .eltwise(dnnl_eltwise_linear(), scale, 0f)
                .binary(dnnl_binary_add(), biasMd, constant(bias, new long[] {1, heads, nq, nk}, dnnl_abcd()));
        MemorySegment out = h.out();
        DnnlException.check(dnnl_matmul_primitive_desc_create(out, DnnlEngine.get(), qMd, kMd, MemorySegment.NULL, scoresMd,
                scoresPost.attributes()), "create the attention q.kT matmul " + n);
        add("attn_qk", h.primitiveDesc(out), scoresPost, DNNL_ARG_SRC(), q, DNNL_ARG_WEIGHTS(), k, DNNL_ARG_DST(), scores);

        ActivationMemory.Storage probsData = scoresData;
        if (mixes != null) {
            probsData = activations.storage(dnnl_memory_desc_get_size(scoresMd));
            mixHeads(mixes.mixBefore(), mixes.mixBeforeBias(), heads, nq * nk, scoresData, probsData);
        }
        MemorySegment probs = view(scoresMd, probsData, 0);
        PostOps none = new PostOps(h);
        out = h.out();
        DnnlException.check(dnnl_softmax_forward_primitive_desc_create(out, DnnlEngine.get(), dnnl_forward_inference(),
                dnnl_softmax_accurate(), scoresMd, scoresMd, 3, none.attributes()), "create the attention softmax " + n);
        add("softmax", h.primitiveDesc(out), none, DNNL_ARG_SRC(), probs, DNNL_ARG_DST(), probs);
        if (mixes != null) {
            mixHeads(mixes.mixAfter(), mixes.mixAfterBias(), heads, nq * nk, probsData, scoresData);
            probs = scores;
        }

        out = h.out();
        DnnlException.check(dnnl_matmul_primitive_desc_create(out, DnnlEngine.get(), scoresMd, vMd, MemorySegment.NULL, dstMd,
                epilogue.attributes()), "create the attention a.v matmul " + n);
        add(epilogue.isEmpty() ? "attn_av" : "attn_av+local", h.primitiveDesc(out), epilogue, DNNL_ARG_SRC(), probs,
                DNNL_ARG_WEIGHTS(), v, DNNL_ARG_DST(), dst);
    }

    /** {@code to[b, g] = bias[g] + sum_h mix[g, h] from[b, h]} over planes of {@code plane} floats. */
    private void mixHeads(float[] mix, float[] bias, long heads, long plane, ActivationMemory.Storage from, ActivationMemory.Storage to) {
        MemorySegment mixMd = h.md(new long[] {1, heads, heads}, dnnl_abc());
        MemorySegment planesMd = h.md(new long[] {batch, heads, plane}, dnnl_abc());
        MemorySegment biasMd = h.md(new long[] {1, heads, 1}, dnnl_abc());
        PostOps post = new PostOps(h).binary(dnnl_binary_add(), biasMd, constant(bias, new long[] {1, heads, 1}, dnnl_abc()));
        MemorySegment out = h.out();
        DnnlException.check(dnnl_matmul_primitive_desc_create(out, DnnlEngine.get(), mixMd, planesMd, MemorySegment.NULL, planesMd,
                post.attributes()), "create the talking-heads mix");
        add("talking_heads", h.primitiveDesc(out), post, DNNL_ARG_SRC(), constant(mix, new long[] {1, heads, heads}, dnnl_abc()),
                DNNL_ARG_WEIGHTS(), view(planesMd, from, 0), DNNL_ARG_DST(), view(planesMd, to, 0));
    }

    /**
     * Bilinear x2 (half-pixel centres) as oneDNN's linear resampling, with the GELU after it as a
     * post-op where oneDNN runs AVX-512 kernels: its resampling kernel with that post-op took 0.65x
     * the time of resampling and GELU apart (V2-L, the six of one run at batch 4: 2.12 vs 3.27 ms;
     * batch 8: 4.04 vs 7.71; batch 1: 0.47 vs 0.51; AMD EPYC Zen 5). Its AVX2 kernel with the
     * post-op is slower than the two apart (batch 4: 4.97 vs 4.16 ms, same machine under
     * {@code ONEDNN_MAX_CPU_ISA=AVX2}; two S0 upsamplings at batch 8 on a Zen 3: 4.5 vs 1.7 ms),
     * so there the GELU stays a step of its own. Where the project's own kernels run
     * ({@link #ownDepthwise} says where), an NHWC map (as V2's attention maps are) is upsampled,
     * with its GELU, by {@link UpsampleKernelStep} instead: 43 against oneDNN's 85 us for a
     * 1024-channel 7x7 map on one Zen 5 core.
     */
    private void upsample(int i, Node n) {
        Buffer src = buffer(n.input());
        int act = DnnlIsa.hasAvx512() ? Lowering.activationAfter(graph, i, FUSIONS) : -1;
        PostOps post = new PostOps(h);
        Buffer dst;
        if (act >= 0) {
            post.eltwise(activation(nodes.get(act)), 0f, 0f);
            lowered[act] = true;
            dst = buffer(nodes.get(act).output());
        } else {
            dst = buffer(n.output());
        }
        boolean gelu = isGelu(act);
        long channels = n.input().dim(0);
        if (ownKernels && (act < 0 || gelu) && src.channelBlock == channels && dst.channelBlock == channels) {
            addHost("upsample2x" + (gelu ? "+gelu" : "") + OWN_KERNEL, src.memory, dst.memory,
                    new OwnUpsample(src.data, dst.data, dimsOf(batch, n.input()), gelu));
            return;
        }
        MemorySegment out = h.out();
        DnnlException.check(dnnl_resampling_forward_primitive_desc_create(out, DnnlEngine.get(), dnnl_forward_inference(),
                dnnl_resampling_linear(), MemorySegment.NULL, src.md, dst.md, post.attributes()), "create the bilinear upsampling " + n);
        add(post.isEmpty() ? "upsample2x" : "upsample2x+" + nodes.get(act).op().kind(), h.primitiveDesc(out), post, DNNL_ARG_SRC(),
                src.memory, DNNL_ARG_DST(), dst.memory);
    }

    /**
     * The mean over tokens as an average pooling over the whole grid: the token-major
     * {@code [B, N, C]} buffer is an NHWC {@code [B, C, side, side]} map, and oneDNN's pooling is
     * a vectorised kernel where its reduction primitive falls back to reference code here
     * (measured: 0.32 ms vs 0.01 ms for L1's 49 x 448 tokens).
     */
    private void meanTokens(Node n) {
        Buffer src = buffer(n.input());
        Buffer dst = buffer(n.output());
        long tokens = n.input().dim(0);
        long c = n.input().dim(1);
        long side = Math.round(Math.sqrt(tokens));
        MemorySegment out = h.out();
        PostOps none = new PostOps(h);
        if (side * side == tokens) {
            MemorySegment srcMd = h.md(new long[] {batch, c, side, side}, dnnl_nhwc());
            MemorySegment dstMd = h.md(new long[] {batch, c, 1, 1}, dnnl_nhwc());
            DnnlException.check(dnnl_pooling_forward_primitive_desc_create(out, DnnlEngine.get(), dnnl_forward_inference(),
                    dnnl_pooling_avg_exclude_padding(), srcMd, dstMd, h.dims(side, side), h.dims(side, side), h.dims(0, 0),
                    h.dims(0, 0), h.dims(0, 0), none.attributes()), "create the mean over tokens (as pooling)");
            add("mean_tokens", h.primitiveDesc(out), none, DNNL_ARG_SRC(), view(srcMd, src.data, 0), DNNL_ARG_DST(), view(dstMd, dst.data, 0));
            return;
        }
        MemorySegment dstMd = h.md(new long[] {batch, 1, c}, dnnl_abc());
        DnnlException.check(dnnl_reduction_primitive_desc_create(out, DnnlEngine.get(), dnnl_reduction_mean(), src.md, dstMd, 0f, 0f,
                none.attributes()), "create the mean over tokens");
        add("mean_tokens", h.primitiveDesc(out), none, DNNL_ARG_SRC(), src.memory, DNNL_ARG_DST(), view(dstMd, dst.data, 0));
    }

    // ---------------------------------------------------------------- steps

    /** Records a primitive with its (id, memory) argument pairs plus the post-ops' arguments. */
    private void add(String kind, MemorySegment pd, PostOps post, Object... idMemoryPairs) {
        List<PostOps.Arg> args = new ArrayList<>();
        for (int i = 0; i < idMemoryPairs.length; i += 2) {
            args.add(new PostOps.Arg((Integer) idMemoryPairs[i], (MemorySegment) idMemoryPairs[i + 1]));
        }
        if (post != null) {
            args.addAll(post.args());
        }
        MemorySegment scratchMd = dnnl_primitive_desc_query_md(pd, dnnl_query_scratchpad_md(), 0);
        if (!scratchMd.equals(MemorySegment.NULL)) {
            scratchpadBytes = Math.max(scratchpadBytes, dnnl_memory_desc_get_size(scratchMd));
        }
        pending.add(new Pending(kind, currentStage, pd, args, null));
    }

    /** Creates the primitives, shares one scratchpad between them, and builds the plan. */
    private DnnlPlan finish(ActivationMemory.Storage userInput, ActivationMemory.Storage userOutput) {
        for (Map.Entry<String, Value> t : graph.taps().entrySet()) {
            Buffer b = buffers.get(t.getValue().id());
            if (b != null) {
                activations.pin(b.data);
            }
        }
        for (int i = 0; i < pending.size(); i++) {
            for (PostOps.Arg a : pending.get(i).args) {
                activations.touch(a.memory(), i);
            }
        }
        activations.place();
        MemorySegment scratchpad = h.allocate(scratchpadBytes);
        List<DnnlPlan.Step> steps = new ArrayList<>();
        for (Pending p : pending) {
            if (p.host != null) {
                steps.add(p.host.make(p.kind, p.stage, activations));
                continue;
            }
            List<PostOps.Arg> args = new ArrayList<>(p.args);
            MemorySegment scratchMd = dnnl_primitive_desc_query_md(p.pd, dnnl_query_scratchpad_md(), 0);
            if (!scratchMd.equals(MemorySegment.NULL) && dnnl_memory_desc_get_size(scratchMd) > 0) {
                args.add(new PostOps.Arg(DNNL_ARG_SCRATCHPAD(), h.memory(scratchMd, scratchpad)));
            }
            MemorySegment prim = h.primitive(p.pd, p.kind);
            steps.add(new DnnlPlan.PrimitiveStep(p.kind, p.stage, prim, PostOps.execArgs(h.arena(), args), args.size()));
        }
        Map<String, DnnlPlan.TapSource> taps = new LinkedHashMap<>();
        for (Map.Entry<String, Value> t : graph.taps().entrySet()) {
            Buffer b = buffers.get(t.getValue().id());
            if (b != null) {
                taps.put(t.getKey(), new DnnlPlan.TapSource(activations.segment(b.data), t.getValue().shape(), b.channelBlock));
            }
        }
        return new DnnlPlan(h, stream, steps, activations.segment(userInput), activations.segment(userOutput), taps, batch, threads, graph.input().shape(),
                (int) graph.output().elementsPerImage(), DnnlIsa.effective());
    }
}
