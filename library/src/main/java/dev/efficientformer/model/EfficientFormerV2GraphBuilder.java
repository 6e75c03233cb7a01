package dev.efficientformer.model;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.Ops;
import dev.efficientformer.graph.Value;
import dev.efficientformer.weights.CheckpointException;
import dev.efficientformer.weights.WeightFile;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads an {@link EfficientFormerV2Spec} off a checkpoint (timm key names) and builds the
 * eval-mode EfficientFormerV2 graph op for op as timm computes it; BatchNorm, layer scales and the
 * two heads are folded later by the passes, so this graph is the reference they are checked
 * against.
 *
 * <p>Taps: {@code stem}, {@code stage_0} ... {@code stage_3} (all {@code [C, H, W]}),
 * {@code features} (after the final BatchNorm), {@code pre_logits} (spatial mean).
 *
 * <p>Thread-safety: stateless.
 */
public final class EfficientFormerV2GraphBuilder {
    private static final float EPS = EfficientFormerV2Spec.EPS;

    private EfficientFormerV2GraphBuilder() {
    }

    /** Whether {@code file} holds an EfficientFormerV2 checkpoint under timm's names. */
    public static boolean recognises(WeightFile file) {
        return file.contains("stem.conv1.conv.weight");
    }

    /**
     * The spec of the V2 model whose weights {@code file} holds.
     *
     * @throws CheckpointException naming the key that is missing or has an unexpected shape
     */
    public static EfficientFormerV2Spec derive(WeightFile file) {
        String where = file.path().toString();
        Map<Integer, TreeSet<Integer>> blocks = SpecDerivation.blockIndices(file, "EfficientFormerV2");
        int[] widths = new int[4];
        int[] depths = new int[4];
        int[] attention = new int[4];
        widths[0] = dim(file, "stem.conv2.conv.weight", 0);
        for (int s = 1; s < 4; s++) {
            widths[s] = dim(file, "stages." + s + ".downsample.conv.conv.weight", 0);
        }
        for (int s = 0; s < 4; s++) {
            depths[s] = SpecDerivation.contiguousCount(where, s, blocks.get(s));
            for (int i = 0; i < depths[s]; i++) {
                boolean attn = file.contains("stages." + s + ".blocks." + i + ".token_mixer.q.conv.weight");
                if (attn) {
                    attention[s]++;
                } else if (attention[s] > 0) {
                    throw new CheckpointException(where + ": stage " + s + " block " + i + " has no attention after an attention block;"
                            + " EfficientFormerV2 puts its attention blocks last in a stage");
                }
            }
        }
        boolean downsampleAttention = file.contains("stages.3.downsample.attn.q.proj.conv.weight");
        int classes = dim(file, "head.weight", 0);
        return new EfficientFormerV2Spec(widths, depths, attention, downsampleAttention, classes, file.contains("head_dist.weight"));
    }

    /**
     * The graph for {@code height x width} images.
     *
     * @throws EfficientFormerException when the input size does not give the grids the attention
     *     biases were learned for
     * @throws CheckpointException naming any missing or mis-shaped tensor, or tensors the
     *     architecture does not use
     */
    public static Graph build(WeightFile file, EfficientFormerV2Spec spec, int height, int width) {
        checkInputSize(file, spec, height, width);
        WeightReader w = new WeightReader(file);
        Graph.Builder g = Graph.builder(3, height, width);
        Value x = g.input();
        int stem = dim(file, "stem.conv1.conv.weight", 0);
        x = g.add(new Ops.Gelu(), convBn(g, w, "stem.conv1", 3, stem, 3, 2, x));
        x = g.tap("stem", g.add(new Ops.Gelu(), convBn(g, w, "stem.conv2", stem, spec.width(0), 3, 2, x)));
        for (int s = 0; s < 4; s++) {
            String stage = "stages." + s;
            int c = spec.width(s);
            if (s > 0) {
                Value conv = convBn(g, w, stage + ".downsample.conv", spec.width(s - 1), c, 3, 2, x);
                x = s == 3 && spec.attentionDownsample()
                        ? g.add(new Ops.Add(), downsampleAttention(g, w, stage + ".downsample.attn", spec.width(s - 1), c, x), conv)
                        : conv;
            }
            for (int i = 0; i < spec.depths()[s]; i++) {
                String b = stage + ".blocks." + i;
                if (i >= spec.depths()[s] - spec.attentionBlocks()[s]) {
                    Value mixed = attention(g, w, b + ".token_mixer", c, x);
                    x = g.add(new Ops.Add(), x, g.add(new Ops.ChannelScale(layerScale(w, b + ".ls1.gamma", c)), mixed));
                }
                x = g.add(new Ops.Add(), x, g.add(new Ops.ChannelScale(layerScale(w, b + ".ls2.gamma", c)), mlp(g, w, b + ".mlp", c, x)));
            }
            g.tap("stage_" + s, x);
        }
        int c = spec.numFeatures();
        x = g.tap("features", g.add(batchNorm(w, "norm", c), x));
        x = g.tap(EfficientFormerGraphBuilder.PRE_LOGITS_TAP, g.add(new Ops.MeanTokens(), g.add(new Ops.ToTokens(), x)));
        int k = spec.numClasses();
        Value logits = g.add(new Ops.Linear(k, c, w.floats("head.weight", k, c), w.floats("head.bias", k)), x);
        if (spec.distilled()) {
            Value dist = g.add(new Ops.Linear(k, c, w.floats("head_dist.weight", k, c), w.floats("head_dist.bias", k)), x);
            float[] half = new float[k];
            Arrays.fill(half, 0.5f);
            logits = g.add(new Ops.ChannelScale(half), g.add(new Ops.Add(), logits, dist));
        }
        w.requireAllRead("EfficientFormerV2");
        return g.build(logits);
    }

    /** A layer scale as timm stores it ({@code [C]}) or as the original code does ({@code [C, 1, 1]}). */
    private static float[] layerScale(WeightReader w, String name, int c) {
        boolean original = w.has(name) && w.file().info(name).shape().rank() == 3;
        return original ? w.floats(name, c, 1, 1) : w.floats(name, c);
    }

    /** Side after one 3x3 stride-2 convolution with padding 1: {@code ceil(side / 2)}. */
    private static int half(int side) {
        return (side + 1) / 2;
    }

    /**
     * Checks that the image gives the grids the checkpoint's attention biases are learned for:
     * stage 2's (a 14x14 grid for the published models, so 209 to 224 pixels per side), which must
     * be even because strided attention upsamples its half back.
     */
    static void checkInputSize(WeightFile file, EfficientFormerV2Spec spec, int height, int width) {
        if (height < 1 || width < 1) {
            throw new EfficientFormerException("input " + height + "x" + width + " is not an image size");
        }
        int rows = half(half(half(half(height))));
        int cols = half(half(half(half(width))));
        boolean ok = rows % 2 == 0 && cols % 2 == 0;
        if (spec.attentionBlocks()[2] > 0) {
            String name = "stages.2.blocks." + (spec.depths()[2] - 1) + ".token_mixer.attention_biases";
            ok &= (long) dim(file, name, 1) == (long) (rows / 2) * (cols / 2);
        }
        if (spec.attentionDownsample()) {
            ok &= (long) dim(file, "stages.3.downsample.attn.attention_biases", 1) == (long) rows * cols;
        }
        if (!ok) {
            throw new EfficientFormerException("input " + height + "x" + width + " gives a " + rows + "x" + cols + " stage-2 grid, which this "
                    + "EfficientFormerV2 checkpoint's attention biases are not learned for (the published models need 14x14, i.e. 209 "
                    + "to 224 pixels per side; the grid must be even)");
        }
    }

    private static Value convBn(Graph.Builder g, WeightReader w, String p, int in, int out, int k, int stride, Value x) {
        Value y = g.add(new Ops.Conv2d(out, in, k, stride, k / 2, w.floats(p + ".conv.weight", out, in, k, k),
                w.floats(p + ".conv.bias", out)), x);
        return g.add(batchNorm(w, p + ".bn", out), y);
    }

    private static Value depthwiseBn(Graph.Builder g, WeightReader w, String p, int c, int stride, Value x) {
        Value y = g.add(new Ops.DepthwiseConv2d(c, 3, stride, 1, w.floats(p + ".conv.weight", c, 1, 3, 3), w.floats(p + ".conv.bias", c)), x);
        return g.add(batchNorm(w, p + ".bn", c), y);
    }

    private static Ops.BatchNorm batchNorm(WeightReader w, String p, int c) {
        return new Ops.BatchNorm(w.floats(p + ".running_mean", c), w.floats(p + ".running_var", c), w.floats(p + ".weight", c),
                w.floats(p + ".bias", c), EPS);
    }

    /** timm ConvMlpWithNorm: 1x1 + BN + GELU, depthwise 3x3 + BN + GELU, 1x1 + BN. */
    private static Value mlp(Graph.Builder g, WeightReader w, String p, int c, Value x) {
        int hidden = dim(w.file(), p + ".fc1.conv.weight", 0);
        Value h = g.add(new Ops.Gelu(), convBn(g, w, p + ".fc1", c, hidden, 1, 1, x));
        h = g.add(new Ops.Gelu(), depthwiseBn(g, w, p + ".mid", hidden, 1, h));
        return convBn(g, w, p + ".fc2", hidden, c, 1, 1, h);
    }

    /** Heads, key width and value width of the attention at {@code p}, from its weights. */
    private record Widths(int heads, int keyDim, int valDim) {
    }

    private static Widths widths(WeightReader w, String p) {
        WeightFile f = w.file();
        int heads = dim(f, p + ".attention_biases", 0);
        int kh = dim(f, p + ".k.conv.weight", 0);
        int dh = dim(f, p + ".v.conv.weight", 0);
        if (kh % heads != 0 || dh % heads != 0) {
            throw new CheckpointException(f.path() + ": " + p + ".k.conv.weight (" + kh + " outputs) and " + p + ".v.conv.weight (" + dh
                    + " outputs) do not split into the " + heads + " heads of " + p + ".attention_biases");
        }
        return new Widths(heads, kh / heads, dh / heads);
    }

    /** timm Attention2d, with stride 2 (stage 2: depthwise stride-2 convolution first, bilinear x2 after) or without. */
    private static Value attention(Graph.Builder g, WeightReader w, String p, int c, Value x) {
        Widths d = widths(w, p);
        boolean strided = w.has(p + ".stride_conv.conv.weight");
        Value in = strided ? depthwiseBn(g, w, p + ".stride_conv", c, 2, x) : x;
        int rows = in.dim(1);
        int cols = in.dim(2);
        int n = rows * cols;
        int kh = d.heads * d.keyDim;
        int dh = d.heads * d.valDim;
        Value q = convBn(g, w, p + ".q", c, kh, 1, 1, in);
        Value k = convBn(g, w, p + ".k", c, kh, 1, 1, in);
        Value v = convBn(g, w, p + ".v", c, dh, 1, 1, in);
        Value local = depthwiseBn(g, w, p + ".v_local", dh, 1, v);
        float[] bias = biases(w, p, d.heads, rows, cols, 1);
        int h = d.heads;
        Value a = g.add(new Ops.Attention2d(h, d.keyDim, d.valDim, n, n, bias, w.floats(p + ".talking_head1.weight", h, h, 1, 1),
                w.floats(p + ".talking_head1.bias", h), w.floats(p + ".talking_head2.weight", h, h, 1, 1),
                w.floats(p + ".talking_head2.bias", h)), q, k, v);
        a = g.add(new Ops.Add(), a, local);
        if (strided) {
            a = g.add(new Ops.Upsample2x(), a);
        }
        return convBn(g, w, p + ".proj", dh, c, 1, 1, g.add(new Ops.Gelu(), a));
    }

    /**
     * timm Attention2dDownsample: queries from the local-global query at stride 2, keys and values
     * at full resolution, no talking heads.
     */
    private static Value downsampleAttention(Graph.Builder g, WeightReader w, String p, int in, int out, Value x) {
        Widths d = widths(w, p);
        int rows = x.dim(1);
        int cols = x.dim(2);
        int kh = d.heads * d.keyDim;
        int dh = d.heads * d.valDim;
        // The query is local(x) + pool(x), pool being AvgPool2d(1, 2, 0), which samples x[2i, 2j]:
        // the very input the local 3x3 stride-2 convolution's centre tap reads. Adding 1 to that
        // tap gives the same sum as one depthwise convolution.
        float[] local = w.floats(p + ".q.local.weight", in, 1, 3, 3).clone();
        for (int ch = 0; ch < in; ch++) {
            local[ch * 9 + 4] += 1f;
        }
        Value lq = g.add(new Ops.DepthwiseConv2d(in, 3, 2, 1, local, w.floats(p + ".q.local.bias", in)), x);
        Value q = convBn(g, w, p + ".q.proj", in, kh, 1, 1, lq);
        Value k = convBn(g, w, p + ".k", in, kh, 1, 1, x);
        Value v = convBn(g, w, p + ".v", in, dh, 1, 1, x);
        Value vLocal = depthwiseBn(g, w, p + ".v_local", dh, 2, v);
        int nq = GridBias.queriesAlong(rows, 2) * GridBias.queriesAlong(cols, 2);
        float[] bias = biases(w, p, d.heads, rows, cols, 2);
        Value a = g.add(new Ops.Attention2d(d.heads, d.keyDim, d.valDim, nq, rows * cols, bias, new float[0], new float[0], new float[0],
                new float[0]), q, k, v);
        a = g.add(new Ops.Gelu(), g.add(new Ops.Add(), a, vLocal));
        return convBn(g, w, p + ".proj", dh, out, 1, 1, a);
    }

    private static float[] biases(WeightReader w, String p, int heads, int rows, int cols, int stride) {
        int nk = rows * cols;
        int nq = GridBias.queriesAlong(rows, stride) * GridBias.queriesAlong(cols, stride);
        float[] learned = w.floats(p + ".attention_biases", heads, nk);
        w.optionalLongs(p + ".attention_bias_idxs", nq, nk).ifPresent(idxs -> GridBias.requireIndices(idxs, rows, cols, stride,
                w.file().path() + ": tensor \"" + p + ".attention_bias_idxs\""));
        return GridBias.gather(learned, heads, rows, cols, stride);
    }

    /** Dimension {@code d} of a tensor that must exist, as a size from 1 to 16 M. */
    private static int dim(WeightFile file, String name, int d) {
        return SpecDerivation.positive(file, name, -1, d, "size at dimension " + d);
    }
}
