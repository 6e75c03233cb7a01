package dev.efficientformer.benchmarks;

import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.Ops;
import dev.efficientformer.graph.Value;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The ops of EfficientFormer L1, L3 and L7 at the shapes their stages run them, as one-op (or
 * fused-pattern) graphs with random weights, named {@code <model>.<where>.<op>}:
 * <ul>
 *   <li>{@code stem1}, {@code stem2}: the 3x3/2 stem convolutions with ReLU (224 -> 112 -> 56);</li>
 *   <li>{@code s<i>.down}: the 3x3/2 downsampling convolution into stage {@code i} (1..3);</li>
 *   <li>{@code s<i>.mixer}: the pool mixer {@code x + s * (avgpool(x) - x)};</li>
 *   <li>{@code s<i>.fc1}: the 1x1 convolution C -> 4C with GELU; {@code s<i>.fc2}: 4C -> C;</li>
 *   <li>{@code s3.ln}, {@code s3.qkv}, {@code s3.attn}, {@code s3.proj}, {@code s3.mlp1} (linear
 *       C -> 4C with GELU), {@code s3.mlp2} (4C -> C): the last stage's transformer block on 49
 *       tokens;</li>
 *   <li>{@code head}: the classifier, C -> 1000 on one pooled vector.</li>
 * </ul>
 * The 1x1 convolution and linear shapes ({@code fc1}, {@code fc2}, {@code qkv}, {@code proj},
 * {@code mlp1}, {@code mlp2}) are the GEMMs that dominate the models.
 */
final class OpShapes {
    private static final int[] SPATIAL = {56, 28, 14, 7};
    private static final Map<String, int[]> WIDTHS = Map.of("l1", new int[] {48, 96, 224, 448}, "l3", new int[] {64, 128, 320, 512},
            "l7", new int[] {96, 192, 384, 768});
    private static final int HEADS = 8;
    private static final int KEY_DIM = 32;
    private static final int VAL_DIM = 128;
    private static final int TOKENS = 49;

    private OpShapes() {
    }

    /** Every op id, in a stable order. */
    static Map<String, Function<SplittableRandom, Graph>> all() {
        Map<String, Function<SplittableRandom, Graph>> ops = new LinkedHashMap<>();
        for (String m : new String[] {"l1", "l3", "l7"}) {
            int[] w = WIDTHS.get(m);
            int stem = w[0] / 2;
            ops.put(m + ".stem1", r -> conv(r, 3, stem, 3, 2, 224, true, false));
            ops.put(m + ".stem2", r -> conv(r, stem, w[0], 3, 2, 112, true, false));
            for (int s = 0; s < 4; s++) {
                int c = w[s];
                int sp = SPATIAL[s];
                if (s > 0) {
                    int in = w[s - 1];
                    ops.put(m + ".s" + s + ".down", r -> conv(r, in, c, 3, 2, 2 * sp, false, false));
                }
                ops.put(m + ".s" + s + ".mixer", r -> mixer(r, c, sp));
                ops.put(m + ".s" + s + ".fc1", r -> conv(r, c, 4 * c, 1, 1, sp, false, true));
                ops.put(m + ".s" + s + ".fc2", r -> conv(r, 4 * c, c, 1, 1, sp, false, false));
            }
            int c = w[3];
            ops.put(m + ".s3.ln", r -> layerNorm(r, c));
            ops.put(m + ".s3.qkv", r -> linear(r, TOKENS, c, HEADS * (2 * KEY_DIM + VAL_DIM), false));
            ops.put(m + ".s3.attn", r -> attention(r));
            ops.put(m + ".s3.proj", r -> linear(r, TOKENS, HEADS * VAL_DIM, c, false));
            ops.put(m + ".s3.mlp1", r -> linear(r, TOKENS, c, 4 * c, true));
            ops.put(m + ".s3.mlp2", r -> linear(r, TOKENS, 4 * c, c, false));
            ops.put(m + ".head", r -> head(r, c));
        }
        return ops;
    }

    /** The graph for {@code id}, with weights from {@code seed}. */
    static Graph graph(String id, long seed) {
        Function<SplittableRandom, Graph> f = all().get(id);
        if (f == null) {
            throw new IllegalArgumentException("unknown op " + id + "; known: " + all().keySet());
        }
        return f.apply(new SplittableRandom(seed));
    }

    static float[] randoms(SplittableRandom r, int n, double std) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (r.nextGaussian() * std);
        }
        return a;
    }

    private static Graph conv(SplittableRandom r, int in, int out, int k, int stride, int size, boolean relu, boolean gelu) {
        Graph.Builder b = Graph.builder(in, size, size);
        Value y = b.add(new Ops.Conv2d(out, in, k, stride, k / 2, randoms(r, out * in * k * k, 1 / Math.sqrt(in * k * k)),
                randoms(r, out, 0.1)), b.input());
        if (relu) {
            y = b.add(new Ops.Relu(), y);
        }
        if (gelu) {
            y = b.add(new Ops.Gelu(), y);
        }
        return b.build(y);
    }

    private static Graph mixer(SplittableRandom r, int c, int size) {
        Graph.Builder b = Graph.builder(c, size, size);
        Value x = b.input();
        Value p = b.add(new Ops.AvgPool(3, 1, 1), x);
        Value s = b.add(new Ops.ChannelScale(randoms(r, c, 0.5)), b.add(new Ops.Sub(), p, x));
        return b.build(b.add(new Ops.Add(), x, s));
    }

    private static Graph linear(SplittableRandom r, int rows, int in, int out, boolean gelu) {
        Graph.Builder b = Graph.builder(rows, in);
        Value y = b.add(new Ops.Linear(out, in, randoms(r, out * in, 1 / Math.sqrt(in)), randoms(r, out, 0.1)), b.input());
        return b.build(gelu ? b.add(new Ops.Gelu(), y) : y);
    }

    private static Graph layerNorm(SplittableRandom r, int c) {
        Graph.Builder b = Graph.builder(TOKENS, c);
        return b.build(b.add(new Ops.LayerNorm(randoms(r, c, 1), randoms(r, c, 0.1), 1e-5f), b.input()));
    }

    private static Graph attention(SplittableRandom r) {
        Graph.Builder b = Graph.builder(TOKENS, HEADS * (2 * KEY_DIM + VAL_DIM));
        return b.build(b.add(new Ops.Attention(HEADS, KEY_DIM, VAL_DIM, TOKENS, randoms(r, HEADS * TOKENS * TOKENS, 1)), b.input()));
    }

    private static Graph head(SplittableRandom r, int c) {
        Graph.Builder b = Graph.builder(c);
        return b.build(b.add(new Ops.Linear(1000, c, randoms(r, 1000 * c, 1 / Math.sqrt(c)), randoms(r, 1000, 0.1)), b.input()));
    }
}
