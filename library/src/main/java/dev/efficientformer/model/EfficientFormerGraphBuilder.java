package dev.efficientformer.model;

import dev.efficientformer.EfficientFormerException;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.Ops;
import dev.efficientformer.graph.Value;
import dev.efficientformer.weights.CheckpointException;
import dev.efficientformer.weights.WeightFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the eval-mode EfficientFormer (V1) graph from a checkpoint with timm key names, op for op
 * as timm computes it: nothing is folded here (the passes do that), so this graph is the
 * reference that rewrites are checked against.
 *
 * <p>Taps: {@code stem}, {@code stage_0} ... {@code stage_3} (stage 3 is token-major
 * {@code [49, C]}), {@code features} (after the final norm), {@code pre_logits} (mean over tokens).
 *
 * <p>Thread-safety: stateless.
 */
public final class EfficientFormerGraphBuilder {
    private EfficientFormerGraphBuilder() {
    }

    /** The tap holding the pooled features before the classifier (timm's {@code pre_logits}). */
    public static final String PRE_LOGITS_TAP = "pre_logits";

    /**
     * The graph for {@code height x width} images.
     *
     * @throws EfficientFormerException when the input size does not give a 7x7 last stage
     * @throws CheckpointException naming any missing or mis-shaped tensor, or tensors the
     *     architecture does not use
     */
    public static Graph build(WeightFile file, EfficientFormerSpec spec, int height, int width) {
        checkInputSize(height, width);
        WeightReader w = new WeightReader(file);
        Graph.Builder g = Graph.builder(3, height, width);
        Value x = g.input();

        // Stem: conv3x3/2 -> BN -> ReLU, twice.
        x = convBn(g, w, "stem.conv1", "stem.norm1", 3, spec.stemWidth(), 3, 2, 1, x);
        x = g.add(new Ops.Relu(), x);
        x = convBn(g, w, "stem.conv2", "stem.norm2", spec.stemWidth(), spec.width(0), 3, 2, 1, x);
        x = g.tap("stem", g.add(new Ops.Relu(), x));

        for (int s = 0; s < 4; s++) {
            String stage = "stages." + s;
            int c = spec.width(s);
            if (s > 0) {
                x = convBn(g, w, stage + ".downsample.conv", stage + ".downsample.norm", spec.width(s - 1), c, 3, 2, 1, x);
            }
            int blocks = s == 3 ? spec.depth(3) + 1 : spec.depth(s);
            for (int i = 0; i < blocks; i++) {
                String b = stage + ".blocks." + i;
                if (s == 3 && i == spec.flatIndex()) {
                    x = g.add(new Ops.ToTokens(), x);
                } else if (s == 3 && i > spec.flatIndex()) {
                    x = meta3d(g, w, spec, b, c, x);
                } else {
                    x = meta4d(g, w, b, c, x);
                }
            }
            g.tap("stage_" + s, x);
        }
        int c = spec.numFeatures();
        x = g.tap("features", g.add(new Ops.LayerNorm(w.floats("norm.weight", c), w.floats("norm.bias", c), EfficientFormerSpec.EPS), x));
        x = g.tap(PRE_LOGITS_TAP, g.add(new Ops.MeanTokens(), x));
        int k = spec.numClasses();
        Value logits = g.add(new Ops.Linear(k, c, w.floats("head.weight", k, c), w.floats("head.bias", k)), x);
        if (spec.distilled()) {
            // Eval mode averages the classifier and the distillation head.
            Value dist = g.add(new Ops.Linear(k, c, w.floats("head_dist.weight", k, c), w.floats("head_dist.bias", k)), x);
            float[] half = new float[k];
            java.util.Arrays.fill(half, 0.5f);
            logits = g.add(new Ops.ChannelScale(half), g.add(new Ops.Add(), logits, dist));
        }
        w.requireAllRead("EfficientFormer (V1)");
        return g.build(logits);
    }

    /**
     * Checks that an image of this size gives the 7x7 last stage the attention biases are learned for.
     *
     * @throws EfficientFormerException naming the accepted range
     */
    public static void checkInputSize(int height, int width) {
        if (height < EfficientFormerSpec.MIN_INPUT || height > EfficientFormerSpec.MAX_INPUT
                || width < EfficientFormerSpec.MIN_INPUT || width > EfficientFormerSpec.MAX_INPUT) {
            throw new EfficientFormerException("input " + height + "x" + width + " is not supported: EfficientFormer V1's attention needs a "
                    + "7x7 last stage, i.e. " + EfficientFormerSpec.MIN_INPUT + " to " + EfficientFormerSpec.MAX_INPUT + " pixels per side");
        }
    }

    private static Value convBn(Graph.Builder g, WeightReader w, String conv, String norm, int in, int out, int k, int stride,
                                int pad, Value x) {
        Value y = g.add(new Ops.Conv2d(out, in, k, stride, pad, w.floats(conv + ".weight", out, in, k, k),
                w.floats(conv + ".bias", out)), x);
        return g.add(batchNorm(w, norm, out), y);
    }

    private static Ops.BatchNorm batchNorm(WeightReader w, String p, int c) {
        return new Ops.BatchNorm(w.floats(p + ".running_mean", c), w.floats(p + ".running_var", c), w.floats(p + ".weight", c),
                w.floats(p + ".bias", c), EfficientFormerSpec.EPS);
    }

    /** timm MetaBlock2d: x + ls1 * (pool(x) - x), then x + ls2 * mlp(x) with a BatchNorm'd conv MLP. */
    private static Value meta4d(Graph.Builder g, WeightReader w, String b, int c, Value x) {
        Value pooled = g.add(new Ops.AvgPool(3, 1, 1), x);
        Value mixed = g.add(new Ops.Sub(), pooled, x);
        x = g.add(new Ops.Add(), x, g.add(new Ops.ChannelScale(w.floats(b + ".ls1.gamma", c)), mixed));
        int hidden = hiddenWidth(w, b + ".mlp.fc1.weight");
        Value h = g.add(new Ops.Conv2d(hidden, c, 1, 1, 0, w.floats(b + ".mlp.fc1.weight", hidden, c, 1, 1),
                w.floats(b + ".mlp.fc1.bias", hidden)), x);
        h = g.add(new Ops.Gelu(), g.add(batchNorm(w, b + ".mlp.norm1", hidden), h));
        h = g.add(new Ops.Conv2d(c, hidden, 1, 1, 0, w.floats(b + ".mlp.fc2.weight", c, hidden, 1, 1),
                w.floats(b + ".mlp.fc2.bias", c)), h);
        h = g.add(batchNorm(w, b + ".mlp.norm2", c), h);
        return g.add(new Ops.Add(), x, g.add(new Ops.ChannelScale(w.floats(b + ".ls2.gamma", c)), h));
    }

    /** timm MetaBlock1d: x + ls1 * proj(attention(qkv(norm1(x)))), then x + ls2 * mlp(norm2(x)). */
    private static Value meta3d(Graph.Builder g, WeightReader w, EfficientFormerSpec spec, String b, int c, Value x) {
        int heads = spec.heads();
        int qkvOut = heads * (2 * spec.keyDim() + spec.valDim());
        int attnOut = heads * spec.valDim();
        int n = EfficientFormerSpec.GRID * EfficientFormerSpec.GRID;
        String t = b + ".token_mixer";
        Value y = g.add(new Ops.LayerNorm(w.floats(b + ".norm1.weight", c), w.floats(b + ".norm1.bias", c), EfficientFormerSpec.EPS), x);
        y = g.add(new Ops.Linear(qkvOut, c, w.floats(t + ".qkv.weight", qkvOut, c), w.floats(t + ".qkv.bias", qkvOut)), y);
        float[] biases = w.floats(t + ".attention_biases", heads, n);
        // timm indexes the biases through this buffer: one that disagrees with the grid would
        // change its logits, so it must equal what the library derives.
        w.optionalLongs(t + ".attention_bias_idxs", n, n).ifPresent(idxs -> AttentionBias.requireIndices(idxs, EfficientFormerSpec.GRID,
                w.file().path() + ": tensor \"" + t + ".attention_bias_idxs\""));
        y = g.add(new Ops.Attention(heads, spec.keyDim(), spec.valDim(), n, AttentionBias.gather(biases, heads, EfficientFormerSpec.GRID)), y);
        y = g.add(new Ops.Linear(c, attnOut, w.floats(t + ".proj.weight", c, attnOut), w.floats(t + ".proj.bias", c)), y);
        x = g.add(new Ops.Add(), x, g.add(new Ops.ChannelScale(w.floats(b + ".ls1.gamma", c)), y));

        int hidden = hiddenWidth(w, b + ".mlp.fc1.weight");
        Value h = g.add(new Ops.LayerNorm(w.floats(b + ".norm2.weight", c), w.floats(b + ".norm2.bias", c), EfficientFormerSpec.EPS), x);
        h = g.add(new Ops.Gelu(), g.add(new Ops.Linear(hidden, c, w.floats(b + ".mlp.fc1.weight", hidden, c), w.floats(b + ".mlp.fc1.bias", hidden)), h));
        h = g.add(new Ops.Linear(c, hidden, w.floats(b + ".mlp.fc2.weight", c, hidden), w.floats(b + ".mlp.fc2.bias", c)), h);
        return g.add(new Ops.Add(), x, g.add(new Ops.ChannelScale(w.floats(b + ".ls2.gamma", c)), h));
    }

    private static int hiddenWidth(WeightReader w, String fc1) {
        if (!w.has(fc1)) {
            throw new CheckpointException(w.file().path() + ": missing tensor \"" + fc1 + "\"");
        }
        return (int) w.file().info(fc1).shape().dim(0);
    }
}
