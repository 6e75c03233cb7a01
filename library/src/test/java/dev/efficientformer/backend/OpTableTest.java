package dev.efficientformer.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.efficientformer.backend.dnnl.DnnlBackend;
import dev.efficientformer.backend.java.JavaBackend;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.Ops;
import dev.efficientformer.graph.Value;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every op at the real shapes of the L1, L3 and L7 stages, and at awkward ones, on every backend
 * available here (oneDNN; the Java vector tier with one and two threads) against the scalar
 * control.
 *
 * <p>Each row is a one-op or few-op graph (the few-op ones are the patterns backends fuse: conv +
 * GELU, conv + residual add, the pool mixer, a whole transformer block). Random inputs are
 * N(0, 1) and weights N(0, 1/fan_in), so values stay O(1).
 *
 * <p>Tolerances are {@code max|diff| <= tol * max|control|}, per row:
 * <ul>
 *   <li>elementwise, pooling, reshapes, means: {@code 1e-6} (a few roundings apart; GELU's erfc
 *       approximation is within 2e-7 relative);</li>
 *   <li>convolutions and linear layers: {@code 4e-6 * sqrt(K)} for an accumulation of length
 *       {@code K = in * k * k} (float rounding grows as the square root of the length for sums
 *       of random-sign terms; the constant leaves room for the control's sequential sum),
 *       e.g. 2e-5 at K = 27, 1.7e-4 at K = 1792;</li>
 *   <li>blocks (layer norm, attention and the layers around them): the tolerance of their longest
 *       accumulation, times two.</li>
 * </ul>
 * The whole table runs in well under a minute on the 2-core development VM.
 */
class OpTableTest {

    /** A row: a graph over random weights, the batch, the tolerance. */
    record Row(String name, int batch, double tolerance, Function<SplittableRandom, Graph> graph) {
        @Override
        public String toString() {
            return name + " batch " + batch;
        }
    }

    private static final int[] SPATIAL = {56, 28, 14, 7};
    private static final int[][] WIDTHS = {{48, 96, 224, 448}, {64, 128, 320, 512}, {96, 192, 384, 768}};
    private static final String[] MODELS = {"l1", "l3", "l7"};

    static double gemmTolerance(int k) {
        return 4e-6 * Math.sqrt(k);
    }

    static float[] randoms(SplittableRandom r, int n, double std) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (r.nextGaussian() * std);
        }
        return a;
    }

    static Ops.Conv2d conv(SplittableRandom r, int out, int in, int k, int stride, int pad) {
        return new Ops.Conv2d(out, in, k, stride, pad, randoms(r, out * in * k * k, 1 / Math.sqrt(in * k * k)), randoms(r, out, 0.1));
    }

    static Ops.Linear linear(SplittableRandom r, int out, int in) {
        return new Ops.Linear(out, in, randoms(r, out * in, 1 / Math.sqrt(in)), randoms(r, out, 0.1));
    }

    static Ops.LayerNorm layerNorm(SplittableRandom r, int c) {
        float[] gamma = randoms(r, c, 0.1);
        for (int i = 0; i < c; i++) {
            gamma[i] += 1;
        }
        return new Ops.LayerNorm(gamma, randoms(r, c, 0.1), 1e-5f);
    }

    // ---------------------------------------------------------------- graphs

    /** The pool mixer {@code x + s * (pool(x) - x)} on {@code [c, h, w]}. */
    static Graph poolMixer(SplittableRandom r, int c, int h, int w) {
        Graph.Builder b = Graph.builder(c, h, w);
        Value x = b.input();
        Value p = b.add(new Ops.AvgPool(3, 1, 1), x);
        Value s = b.add(new Ops.ChannelScale(randoms(r, c, 0.5)), b.add(new Ops.Sub(), p, x));
        return b.build(b.add(new Ops.Add(), x, s));
    }

    /** The conv MLP {@code x + fc2(gelu(fc1(x)))} on {@code [c, h, w]} with hidden width {@code hidden}. */
    static Graph convMlp(SplittableRandom r, int c, int hidden, int h, int w) {
        Graph.Builder b = Graph.builder(c, h, w);
        Value x = b.input();
        Value y = b.add(new Ops.Gelu(), b.add(conv(r, hidden, c, 1, 1, 0), x));
        y = b.add(conv(r, c, hidden, 1, 1, 0), y);
        return b.build(b.add(new Ops.Add(), x, y));
    }

    /** One convolution, optionally followed by ReLU. */
    static Graph convolution(SplittableRandom r, int out, int in, int k, int stride, int pad, int h, int w, boolean relu) {
        Graph.Builder b = Graph.builder(in, h, w);
        Value y = b.add(conv(r, out, in, k, stride, pad), b.input());
        return b.build(relu ? b.add(new Ops.Relu(), y) : y);
    }

    /** A MetaBlock1d: {@code x + proj(attn(qkv(ln(x))))}, then {@code x + fc2(gelu(fc1(ln(x))))}. */
    static Graph transformerBlock(SplittableRandom r, int n, int c, int heads, int kd, int vd, int hidden) {
        Graph.Builder b = Graph.builder(n, c);
        Value x = b.input();
        Value y = b.add(layerNorm(r, c), x);
        y = b.add(linear(r, heads * (2 * kd + vd), c), y);
        y = b.add(new Ops.Attention(heads, kd, vd, n, randoms(r, heads * n * n, 1.0)), y);
        y = b.add(linear(r, c, heads * vd), y);
        x = b.add(new Ops.Add(), x, y);
        Value m = b.add(layerNorm(r, c), x);
        m = b.add(new Ops.Gelu(), b.add(linear(r, hidden, c), m));
        m = b.add(linear(r, c, hidden), m);
        return b.build(b.add(new Ops.Add(), x, m));
    }

    /** Attention alone on {@code [n, heads * (2kd + vd)]}. */
    static Graph attention(SplittableRandom r, int n, int heads, int kd, int vd) {
        Graph.Builder b = Graph.builder(n, heads * (2 * kd + vd));
        return b.build(b.add(new Ops.Attention(heads, kd, vd, n, randoms(r, heads * n * n, 1.0)), b.input()));
    }

    /** One linear layer over {@code [n, in]}, optionally followed by GELU. */
    static Graph linearLayer(SplittableRandom r, int n, int in, int out, boolean gelu) {
        Graph.Builder b = Graph.builder(n, in);
        Value y = b.add(linear(r, out, in), b.input());
        return b.build(gelu ? b.add(new Ops.Gelu(), y) : y);
    }

    /** The head: flat to tokens, layer norm, mean over tokens, classifier. */
    static Graph head(SplittableRandom r, int c, int h, int w, int classes) {
        Graph.Builder b = Graph.builder(c, h, w);
        Value x = b.add(new Ops.ToTokens(), b.input());
        x = b.add(new Ops.MeanTokens(), b.add(layerNorm(r, c), x));
        return b.build(b.add(linear(r, classes, c), x));
    }

    /** Standalone elementwise ops: {@code add(relu(x), gelu(x * s)) - x}. */
    static Graph elementwise(SplittableRandom r, int... shape) {
        Graph.Builder b = Graph.builder(shape);
        Value x = b.input();
        int channels = shape.length == 3 ? shape[0] : shape[shape.length - 1];
        Value g = b.add(new Ops.Gelu(), b.add(new Ops.ChannelScale(randoms(r, channels, 4.0)), x));
        Value a = b.add(new Ops.Add(), b.add(new Ops.Relu(), x), g);
        return b.build(b.add(new Ops.Sub(), a, x));
    }

    /** One depthwise 3x3 convolution followed by GELU. */
    static Graph depthwise(SplittableRandom r, int c, int stride, int h, int w) {
        Graph.Builder b = Graph.builder(c, h, w);
        Value y = b.add(new Ops.DepthwiseConv2d(c, 3, stride, 1, randoms(r, c * 9, 1 / 3.0), randoms(r, c, 0.1)), b.input());
        return b.build(b.add(new Ops.Gelu(), y));
    }

    /**
     * V2 attention on a {@code [c, h, w]} map: q from a stride-{@code stride} depthwise
     * convolution (the downsampling attention's query) or the map itself, k and v from 1x1
     * convolutions; talking heads when {@code stride == 1}.
     */
    static Graph attention2d(SplittableRandom r, int c, int h, int w, int heads, int kd, int vd, int stride) {
        Graph.Builder b = Graph.builder(c, h, w);
        Value x = b.input();
        Value qIn = stride == 1 ? x : b.add(new Ops.DepthwiseConv2d(c, 3, stride, 1, randoms(r, c * 9, 1 / 3.0), randoms(r, c, 0.1)), x);
        Value q = b.add(conv(r, heads * kd, c, 1, 1, 0), qIn);
        Value k = b.add(conv(r, heads * kd, c, 1, 1, 0), x);
        Value v = b.add(conv(r, heads * vd, c, 1, 1, 0), x);
        int nq = q.dim(1) * q.dim(2);
        int nk = h * w;
        boolean talking = stride == 1;
        float[] none = new float[0];
        return b.build(b.add(new Ops.Attention2d(heads, kd, vd, nq, nk, randoms(r, heads * nq * nk, 1.0),
                talking ? randoms(r, heads * heads, 0.5) : none, talking ? randoms(r, heads, 0.1) : none,
                talking ? randoms(r, heads * heads, 0.5) : none, talking ? randoms(r, heads, 0.1) : none), q, k, v));
    }

    /** Bilinear x2 upsampling alone. */
    static Graph upsample(int c, int h, int w) {
        Graph.Builder b = Graph.builder(c, h, w);
        return b.build(b.add(new Ops.Upsample2x(), b.input()));
    }

    /** Bilinear x2 upsampling and the GELU after it (V2's strided attention; dnnl fuses them on AVX-512). */
    static Graph upsampleGelu(int c, int h, int w) {
        Graph.Builder b = Graph.builder(c, h, w);
        return b.build(b.add(new Ops.Gelu(), b.add(new Ops.Upsample2x(), b.input())));
    }

    /** Average pooling alone. */
    static Graph avgPool(int c, int h, int w, int k) {
        Graph.Builder b = Graph.builder(c, h, w);
        return b.build(b.add(new Ops.AvgPool(k, 1, k / 2), b.input()));
    }

    static Stream<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (int m = 0; m < MODELS.length; m++) {
            String model = MODELS[m];
            int[] widths = WIDTHS[m];
            int stem = widths[0] / 2;
            rows.add(new Row(model + " stem conv3x3/2 3->" + stem + " relu @224", 1, gemmTolerance(27),
                    r -> convolution(r, stem, 3, 3, 2, 1, 224, 224, true)));
            rows.add(new Row(model + " stem conv3x3/2 " + stem + "->" + widths[0] + " relu @112", 1, gemmTolerance(stem * 9),
                    r -> convolution(r, widths[0], stem, 3, 2, 1, 112, 112, true)));
            for (int s = 0; s < 4; s++) {
                int c = widths[s];
                int sp = SPATIAL[s];
                if (s > 0) {
                    int in = widths[s - 1];
                    rows.add(new Row(model + " stage " + s + " downsample conv3x3/2 " + in + "->" + c + " @" + 2 * sp, 1,
                            gemmTolerance(in * 9), r -> convolution(r, c, in, 3, 2, 1, 2 * sp, 2 * sp, false)));
                }
                rows.add(new Row(model + " stage " + s + " pool mixer " + c + "x" + sp + "x" + sp, 1, 1e-6,
                        r -> poolMixer(r, c, sp, sp)));
                rows.add(new Row(model + " stage " + s + " conv mlp " + c + "->" + 4 * c + "->" + c + " @" + sp, 1,
                        2 * gemmTolerance(4 * c), r -> convMlp(r, c, 4 * c, sp, sp)));
            }
            int c = widths[3];
            rows.add(new Row(model + " stage 3 transformer block " + c, 1, 2 * gemmTolerance(4 * c),
                    r -> transformerBlock(r, 49, c, 8, 32, 128, 4 * c)));
            rows.add(new Row(model + " head " + c + "->1000", 1, gemmTolerance(c), r -> head(r, c, 7, 7, 1000)));
        }
        // L1 ops alone, at batch 1 and 3.
        rows.add(new Row("l1 attention 8x(32,32,128) 49 tokens", 3, 1e-5, r -> attention(r, 49, 8, 32, 128)));
        rows.add(new Row("l1 linear qkv 448->1536", 1, gemmTolerance(448), r -> linearLayer(r, 49, 448, 1536, false)));
        rows.add(new Row("l1 linear fc1 448->1792 gelu", 3, gemmTolerance(448), r -> linearLayer(r, 49, 448, 1792, true)));
        rows.add(new Row("l1 elementwise 48x56x56", 1, 1e-6, r -> elementwise(r, 48, 56, 56)));
        // Awkward shapes.
        rows.add(new Row("odd pool mixer 5x7x9", 3, 1e-6, r -> poolMixer(r, 5, 7, 9)));
        rows.add(new Row("odd pool mixer 3x13x5", 1, 1e-6, r -> poolMixer(r, 3, 13, 5)));
        rows.add(new Row("one-channel pool mixer 1x7x9", 3, 1e-6, r -> poolMixer(r, 1, 7, 9)));
        rows.add(new Row("avgpool k5 6x13x5", 3, 1e-6, r -> avgPool(6, 13, 5, 5)));
        rows.add(new Row("odd conv mlp 5->23->5 @7x9", 3, 2 * gemmTolerance(23), r -> convMlp(r, 5, 23, 7, 9)));
        rows.add(new Row("small-plane conv mlp 70->150->70 @5x7 (transposed form)", 3, 2 * gemmTolerance(150),
                r -> convMlp(r, 70, 150, 5, 7)));
        rows.add(new Row("one-channel conv mlp 1->1->1 @13x5", 3, 2 * gemmTolerance(1), r -> convMlp(r, 1, 1, 13, 5)));
        rows.add(new Row("odd conv3x3/2 7->9 @13x5", 3, gemmTolerance(63), r -> convolution(r, 9, 7, 3, 2, 1, 13, 5, true)));
        rows.add(new Row("odd conv3x3/1 6->70 @7x9", 3, gemmTolerance(54), r -> convolution(r, 70, 6, 3, 1, 1, 7, 9, false)));
        rows.add(new Row("one-channel conv3x3/2 1->1 @13x5", 3, gemmTolerance(9), r -> convolution(r, 1, 1, 3, 2, 1, 13, 5, false)));
        rows.add(new Row("odd attention 3x(4,4,12) 13 tokens", 3, 1e-5, r -> attention(r, 13, 3, 4, 12)));
        rows.add(new Row("odd transformer block 13 tokens, 37 channels", 3, 2 * gemmTolerance(74),
                r -> transformerBlock(r, 13, 37, 3, 4, 12, 74)));
        rows.add(new Row("odd linear 37->51 gelu, 5 rows", 3, gemmTolerance(37), r -> linearLayer(r, 5, 37, 51, true)));
        rows.add(new Row("one-feature linear 1->1", 3, gemmTolerance(1), r -> linearLayer(r, 1, 1, 1, false)));
        rows.add(new Row("odd head 37x3x5 -> 11", 3, gemmTolerance(37), r -> head(r, 37, 3, 5, 11)));
        rows.add(new Row("odd elementwise 5x7x9", 3, 1e-6, r -> elementwise(r, 5, 7, 9)));
        rows.add(new Row("odd elementwise tokens 13x37", 3, 1e-6, r -> elementwise(r, 13, 37)));
        // EfficientFormerV2's own ops, at S0's shapes and odd ones.
        rows.add(new Row("v2-s0 mlp depthwise conv3x3/1 384 @14x14 gelu", 1, 1e-5, r -> depthwise(r, 384, 1, 14, 14)));
        rows.add(new Row("v2-s0 stride conv depthwise conv3x3/2 96 @14x14", 2, 1e-5, r -> depthwise(r, 96, 2, 14, 14)));
        rows.add(new Row("odd depthwise conv3x3/2 5 @13x5", 3, 1e-5, r -> depthwise(r, 5, 2, 13, 5)));
        rows.add(new Row("v2-s0 attention2d talking heads 8x(32,128) 49 tokens", 2, 1e-5, r -> attention2d(r, 96, 7, 7, 8, 32, 128, 1)));
        rows.add(new Row("v2-s0 downsample attention 8x(16,64) 49 queries x 196 keys", 1, 1e-5,
                r -> attention2d(r, 96, 14, 14, 8, 16, 64, 2)));
        rows.add(new Row("odd attention2d 3x(4,12) on 5x3", 3, 1e-5, r -> attention2d(r, 7, 5, 3, 3, 4, 12, 1)));
        rows.add(new Row("odd downsample attention 3x(2,8) on 5x3", 3, 1e-5, r -> attention2d(r, 7, 5, 3, 3, 2, 8, 2)));
        rows.add(new Row("v2-s0 upsample2x 1024x7x7", 1, 1e-6, r -> upsample(1024, 7, 7)));
        rows.add(new Row("odd upsample2x 3x5x1", 3, 1e-6, r -> upsample(3, 5, 1)));
        rows.add(new Row("v2-s0 upsample2x gelu 1024x7x7", 2, 1e-6, r -> upsampleGelu(1024, 7, 7)));
        rows.add(new Row("odd upsample2x gelu 3x5x1", 3, 1e-6, r -> upsampleGelu(3, 5, 1)));
        return rows.stream();
    }

    /** Backends compared with the control, with their thread counts. */
    static List<Arguments> backends() {
        List<Arguments> b = new ArrayList<>();
        DnnlBackend dnnl = new DnnlBackend();
        if (dnnl.isAvailable()) {
            b.add(Arguments.of("dnnl", dnnl, 1));
        }
        if (JavaBackend.vectorModulePresent()) {
            b.add(Arguments.of("java vector", new JavaBackend(JavaBackend.Tier.VECTOR), 1));
            b.add(Arguments.of("java vector x2", new JavaBackend(JavaBackend.Tier.VECTOR), 2));
        }
        return b;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void agreesWithTheScalarControl(Row row) {
        Graph g = row.graph.apply(new SplittableRandom(row.name.hashCode()));
        int in = (int) (g.input().elementsPerImage() * row.batch);
        int out = (int) (g.output().elementsPerImage() * row.batch);
        float[] input = randoms(new SplittableRandom(row.name.hashCode() + 1L), in, 1.0);
        float[] expected = run(new JavaBackend(JavaBackend.Tier.SCALAR), 1, g, row.batch, input, out);
        for (Arguments a : backends()) {
            Object[] args = a.get();
            String what = row + " on " + args[0];
            if (!((Backend) args[1]).cannotRun(g).isEmpty()) {
                continue; // refused before compiling, as BackendSelector and the V2 model tests check
            }
            try {
                check(what, row.tolerance, expected, run((Backend) args[1], (Integer) args[2], g, row.batch, input, out));
            } catch (RuntimeException e) {
                throw new AssertionError(what + " failed: " + e, e);
            }
        }
    }

    private static float[] run(Backend backend, int threads, Graph g, int batch, float[] input, int outFloats) {
        try (Plan p = backend.compile(g, batch, threads); Arena arena = Arena.ofConfined()) {
            MemorySegment x = arena.allocateFrom(ValueLayout.JAVA_FLOAT, input);
            MemorySegment y = arena.allocate(outFloats * 4L);
            p.run(x, y);
            // A second run must give the same result (nothing left over from the first).
            float[] first = y.toArray(ValueLayout.JAVA_FLOAT);
            p.run(x, y);
            float[] second = y.toArray(ValueLayout.JAVA_FLOAT);
            for (int i = 0; i < first.length; i++) {
                if (Float.floatToIntBits(first[i]) != Float.floatToIntBits(second[i])) {
                    fail(p.describe() + ": second run differs at " + i + ": " + first[i] + " then " + second[i]);
                }
            }
            return second;
        }
    }

    static void check(String what, double tolerance, float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, what + ": element count");
        double maxRef = 0;
        double maxDiff = 0;
        int worst = 0;
        for (int i = 0; i < expected.length; i++) {
            maxRef = Math.max(maxRef, Math.abs(expected[i]));
            double d = Math.abs((double) expected[i] - actual[i]);
            if (d > maxDiff || Double.isNaN(d)) {
                maxDiff = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                worst = i;
            }
        }
        double bound = tolerance * Math.max(maxRef, 1e-6);
        if (!(maxDiff <= bound)) {
            fail(String.format("%s: max|diff| %.3g at %d (expected %.7g, got %.7g) > %.3g = %.1e x max|expected| %.4g", what, maxDiff,
                    worst, expected[worst], actual[worst], bound, tolerance, maxRef));
        }
    }
}
