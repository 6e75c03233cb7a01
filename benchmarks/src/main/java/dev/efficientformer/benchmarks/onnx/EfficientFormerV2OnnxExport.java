package dev.efficientformer.benchmarks.onnx;

import dev.efficientformer.model.EfficientFormerV2GraphBuilder;
import dev.efficientformer.model.EfficientFormerV2Spec;
import dev.efficientformer.model.WeightReader;
import dev.efficientformer.weights.CheckpointException;
import dev.efficientformer.weights.WeightFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports an EfficientFormerV2 checkpoint (S0, S1, S2, L; timm key names, or the original
 * authors' through {@link dev.efficientformer.weights.CheckpointFormat}) to ONNX with the op
 * structure torch.onnx.export gave timm's model (torch 1.13, opset 17, dynamic batch: the S0 file
 * in the shared fixtures): the same ops in the same order with the same attributes, including the
 * shape plumbing before each Reshape, the erf-form GELU, the bilinear {@code Resize} of strided
 * attention and the {@code Pad} + {@code AveragePool} of the local-global query. What torch folded
 * is folded here too: every BatchNorm that follows a convolution, the layer scales into
 * {@code [1, C, 1, 1]}. Input {@code [batch, 3, height, width]} (torch's file: 224 x 224), output
 * {@code logits}.
 *
 * <p>Reached through {@link EfficientFormerOnnxExport#graph}, which recognises the family.
 *
 * <p>Thread-safety: not thread-safe (one export builds one graph).
 */
final class EfficientFormerV2OnnxExport {
    private static final float EPS = EfficientFormerV2Spec.EPS;

    private final TorchModuleEmitter emit;
    private final OnnxGraph graph;
    private final EfficientFormerV2Spec spec;
    /** The bias index constant of each grid, emitted once where first used (as torch shares it). */
    private final Map<List<Integer>, String> biasIndices = new HashMap<>();

    private EfficientFormerV2OnnxExport(WeightFile weights, EfficientFormerV2Spec spec, String graphName) {
        this.graph = new OnnxGraph(graphName);
        this.emit = new TorchModuleEmitter(graph, new WeightReader(weights));
        this.spec = spec;
    }

    /**
     * The ONNX graph of a V2 checkpoint (of {@code ModelFamily.EFFICIENTFORMER_V2}, under timm's names) for
     * {@code height x width} images.
     */
    static OnnxGraph graph(WeightFile weights, String graphName, int height, int width) {
        EfficientFormerV2OnnxExport e = new EfficientFormerV2OnnxExport(weights, EfficientFormerV2GraphBuilder.derive(weights), graphName);
        e.build(height, width);
        return e.graph;
    }

    private void build(int height, int width) {
        String x = graph.input(OnnxValueInfo.floatTensor(EfficientFormerOnnxExport.INPUT, "batch", 3L, (long) height, (long) width));
        int stem = dim("stem.conv1.conv.weight", 0);
        x = convBnGelu(x, "stem.conv1", 3, stem, 3, 2, 1);
        x = convBnGelu(x, "stem.conv2", stem, spec.width(0), 3, 2, 1);
        Grid grid = new Grid(half(half(height)), half(half(width)));
        for (int s = 0; s < 4; s++) {
            String stage = "stages." + s;
            int c = spec.width(s);
            if (s > 0) {
                String d = stage + ".downsample";
                String conv = emit.convBatchNorm(x, d + ".conv.conv", d + ".conv.bn", spec.width(s - 1), c, 3, 2, 1);
                x = s == 3 && spec.attentionDownsample()
                        ? graph.node(TorchModuleEmitter.scope(d), "Add", List.of(downsampleAttention(x, d + ".attn", spec.width(s - 1), c, grid),
                                conv))
                        : conv;
                grid = grid.half();
            }
            for (int i = 0; i < spec.depths()[s]; i++) {
                String b = stage + ".blocks." + i;
                String scope = TorchModuleEmitter.scope(b);
                if (i >= spec.depths()[s] - spec.attentionBlocks()[s]) {
                    String mixed = attention(x, b + ".token_mixer", c, grid);
                    x = graph.node(scope, "Add", List.of(x, emit.layerScale4d(mixed, b + ".ls1", c)));
                }
                x = graph.node(scope, "Add", List.of(x, emit.layerScale4d(mlp(x, b + ".mlp", c), b + ".ls2", c)));
            }
        }
        head(x);
        emit.weights().requireAllRead("EfficientFormerV2");
    }

    /** Side after a 3x3 stride-2 convolution with padding 1. */
    private static int half(int side) {
        return (side + 1) / 2;
    }

    /** A feature map's rows and columns. */
    private record Grid(int rows, int cols) {
        Grid half() {
            return new Grid(EfficientFormerV2OnnxExport.half(rows), EfficientFormerV2OnnxExport.half(cols));
        }

        int size() {
            return rows * cols;
        }
    }

    /** timm ConvNormAct: Conv2d, BatchNorm2d (folded) and the GELU that timm keeps inside the norm ({@code bn.act}). */
    private String convBnGelu(String x, String p, int in, int out, int kernel, int stride, int groups) {
        String y = emit.convBatchNorm(x, p + ".conv", p + ".bn", in, out, kernel, stride, kernel / 2, groups);
        return emit.gelu(y, p + ".bn.act");
    }

    /** timm ConvNorm (no activation). */
    private String convBn(String x, String p, int in, int out, int kernel, int stride, int groups) {
        return emit.convBatchNorm(x, p + ".conv", p + ".bn", in, out, kernel, stride, kernel / 2, groups);
    }

    /** ConvMlpWithNorm: 1x1 + BN + GELU, depthwise 3x3 + BN + GELU, 1x1 + BN. */
    private String mlp(String x, String p, int c) {
        int hidden = dim(p + ".fc1.conv.weight", 0);
        String h = convBnGelu(x, p + ".fc1", c, hidden, 1, 1, 1);
        h = convBnGelu(h, p + ".mid", hidden, hidden, 3, 1, hidden);
        return convBn(h, p + ".fc2", hidden, c, 1, 1, 1);
    }

    /**
     * timm Attention2d on a {@code grid} map: with a {@code stride_conv} (stage 2) it
     * attends over the depthwise stride-2 half and resizes the result back up bilinearly.
     */
    private String attention(String x, String t, int c, Grid map) {
        String s = TorchModuleEmitter.scope(t);
        boolean strided = emit.weights().has(t + ".stride_conv.conv.weight");
        String batch = batch(s, x);
        String in = strided ? convBn(x, t + ".stride_conv", c, c, 3, 2, c) : x;
        Grid grid = strided ? map.half() : map;
        int n = grid.size();
        int heads = dim(t + ".attention_biases", 0);
        int kh = dim(t + ".k.conv.weight", 0);
        int dh = dim(t + ".v.conv.weight", 0);
        String q = convBn(in, t + ".q", c, kh, 1, 1, 1);
        String qShape = perHeadShape(s, batch, heads, n);
        String kShape = perHeadShape(s, batch, heads, n);
        String vShape = perHeadShape(s, batch, heads, n);
        q = transposeLast(s, reshape(s, q, qShape));
        String k = reshape(s, convBn(in, t + ".k", c, kh, 1, 1, 1), kShape);
        String v = convBn(in, t + ".v", c, dh, 1, 1, 1);
        String local = convBn(v, t + ".v_local", dh, dh, 3, 1, dh);
        v = transposeLast(s, reshape(s, v, vShape));
        String scores = biasedScores(s, t, q, k, heads, kh / heads, grid, 1);
        scores = emit.plainConv(scores, t + ".talking_head1", heads, heads, 1, 1, 0, 1);
        String probs = graph.node(s, "Softmax", List.of(scores), OnnxAttribute.of("axis", -1L));
        probs = emit.plainConv(probs, t + ".talking_head2", heads, heads, 1, 1, 0, 1);
        String o = merged(s, batch, probs, v, dh, grid);
        o = graph.node(s, "Add", List.of(o, local));
        if (strided) {
            String u = TorchModuleEmitter.scope(t + ".upsample");
            String scales = graph.constant(u, OnnxTensorData.floats("", new float[] {1f, 1f, 2f, 2f}, 4));
            o = graph.node(u, "Resize", List.of(o, "", scales),
                    OnnxAttribute.of("coordinate_transformation_mode", "half_pixel"),
                    OnnxAttribute.of("cubic_coeff_a", -0.75f),
                    OnnxAttribute.of("mode", "linear"),
                    OnnxAttribute.of("nearest_mode", "floor"));
        }
        return convBn(emit.gelu(o, t + ".act"), t + ".proj", dh, c, 1, 1, 1);
    }

    /**
     * timm Attention2dDownsample on a {@code grid} map: queries from the local-global query
     * at stride 2 ({@code local} depthwise convolution plus {@code AvgPool2d(1, 2)}), keys and
     * values at full resolution, no talking heads.
     */
    private String downsampleAttention(String x, String t, int in, int out, Grid grid) {
        String s = TorchModuleEmitter.scope(t);
        String batch = batch(s, x);
        int heads = dim(t + ".attention_biases", 0);
        int kh = dim(t + ".k.conv.weight", 0);
        int dh = dim(t + ".v.conv.weight", 0);
        Grid queries = grid.half();
        String local = emit.plainConv(x, t + ".q.local", in, in, 3, 2, 1, in);
        String poolScope = TorchModuleEmitter.scope(t + ".q.pool");
        String padded = graph.node(poolScope, "Pad", List.of(x, graph.constant(poolScope, OnnxTensorData.vector(0, 0, 0, 0, 0, 0, 0, 0))),
                OnnxAttribute.of("mode", "constant"));
        String pooled = graph.node(poolScope, "AveragePool", List.of(padded),
                OnnxAttribute.of("ceil_mode", 0L),
                OnnxAttribute.ints("kernel_shape", 1, 1),
                OnnxAttribute.ints("pads", 0, 0, 0, 0),
                OnnxAttribute.ints("strides", 2, 2));
        String q = graph.node(TorchModuleEmitter.scope(t + ".q"), "Add", List.of(local, pooled));
        q = convBn(q, t + ".q.proj", in, kh, 1, 1, 1);
        // Unlike Attention2d's trace, torch's shapes here come as each reshape needs them.
        q = transposeLast(s, reshape(s, q, perHeadShape(s, batch, heads, queries.size())));
        String k = convBn(x, t + ".k", in, kh, 1, 1, 1);
        String kShape = perHeadShape(s, batch, heads, grid.size());
        String vShape = perHeadShape(s, batch, heads, grid.size());
        k = reshape(s, k, kShape);
        String v = convBn(x, t + ".v", in, dh, 1, 1, 1);
        String vLocal = convBn(v, t + ".v_local", dh, dh, 3, 2, dh);
        v = transposeLast(s, reshape(s, v, vShape));
        String scores = biasedScores(s, t, q, k, heads, kh / heads, grid, 2);
        String probs = graph.node(s, "Softmax", List.of(scores), OnnxAttribute.of("axis", -1L));
        String o = merged(s, batch, probs, v, dh, queries);
        o = graph.node(s, "Add", List.of(o, vLocal));
        return convBn(emit.gelu(o, t + ".act"), t + ".proj", dh, out, 1, 1, 1);
    }

    /** {@code B = x.shape[0]}, as torch traces it for the reshapes. */
    private String batch(String s, String x) {
        return graph.node(s, "Gather", List.of(graph.node(s, "Shape", List.of(x)), graph.constant(s, OnnxTensorData.scalar(0L))),
                OnnxAttribute.of("axis", 0L));
    }

    /** {@code [B, heads, -1, n]}. */
    private String perHeadShape(String s, String batch, int heads, int n) {
        return graph.node(s, "Concat", List.of(unsqueeze0(s, batch), graph.constant(s, OnnxTensorData.vector(heads)),
                graph.constant(s, OnnxTensorData.vector(-1)), graph.constant(s, OnnxTensorData.vector(n))), OnnxAttribute.of("axis", 0L));
    }

    /** {@code (q @ k) * key_dim^-0.5 + biases[:, idxs]} over the key grid with queries at {@code stride}. */
    private String biasedScores(String s, String t, String q, String k, int heads, int keyDim, Grid keys, int stride) {
        int rows = keys.rows();
        int cols = keys.cols();
        String scores = graph.node(s, "MatMul", List.of(q, k));
        scores = graph.node(s, "Mul", List.of(scores, graph.constant(s, OnnxTensorData.scalar((float) Math.pow(keyDim, -0.5)))));
        int nk = rows * cols;
        String table = graph.initializer(OnnxTensorData.floats(t + ".attention_biases", emit.weights().floats(t + ".attention_biases", heads, nk),
                heads, nk));
        String idx = biasIndices.computeIfAbsent(List.of(rows, cols, stride), g -> graph.constant("",
                OnnxTensorData.longs("", AttentionBiasIndices.forModule(emit.weights().file(), t, rows, cols, stride),
                        AttentionBiasIndices.queries(rows, cols, stride), nk)));
        return graph.node(s, "Add", List.of(scores, graph.node(s, "Gather", List.of(table, idx), OnnxAttribute.of("axis", 1L))));
    }

    /** {@code (probs @ v).transpose(2, 3).reshape(B, dh, rows, cols)}. */
    private String merged(String s, String batch, String probs, String v, int dh, Grid grid) {
        String o = transposeLast(s, graph.node(s, "MatMul", List.of(probs, v)));
        String shape = graph.node(s, "Concat", List.of(unsqueeze0(s, batch), graph.constant(s, OnnxTensorData.vector(dh)),
                graph.constant(s, OnnxTensorData.vector(grid.rows())), graph.constant(s, OnnxTensorData.vector(grid.cols()))),
                OnnxAttribute.of("axis", 0L));
        return reshape(s, o, shape);
    }

    private String reshape(String s, String x, String shape) {
        return graph.node(s, "Reshape", List.of(x, shape), OnnxAttribute.of("allowzero", 0L));
    }

    private String transposeLast(String s, String x) {
        return graph.node(s, "Transpose", List.of(x), OnnxAttribute.ints("perm", 0, 1, 3, 2));
    }

    /** torch emits the axes of these Unsqueezes as scope-less constants. */
    private String unsqueeze0(String s, String scalar) {
        String axes = graph.constant("", OnnxTensorData.vector(0));
        return graph.node(s, "Unsqueeze", List.of(scalar, axes));
    }

    /** BatchNorm, mean over the grid, head (and distillation head, averaged). */
    private void head(String x) {
        int c = spec.numFeatures();
        x = emit.batchNorm(x, "norm", c, EPS);
        String pooled = graph.node("", "ReduceMean", List.of(x), OnnxAttribute.ints("axes", 2, 3), OnnxAttribute.of("keepdims", 0L));
        emit.classifierHeads(pooled, c, spec.numClasses(), spec.distilled(), EfficientFormerOnnxExport.OUTPUT);
    }

    private int dim(String name, int d) {
        WeightFile f = emit.weights().file();
        if (!f.contains(name) || f.info(name).shape().rank() <= d) {
            throw new CheckpointException(f.path() + ": tensor \"" + name + "\" is missing or has no dimension " + d);
        }
        return Math.toIntExact(f.info(name).shape().dim(d));
    }
}
