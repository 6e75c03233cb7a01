package dev.efficientformer.backend;

import dev.efficientformer.backend.java.JavaBackend;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.GraphPasses;
import dev.efficientformer.graph.Ops;
import dev.efficientformer.graph.Value;
import dev.efficientformer.testing.ReferenceCase;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The primitives of tiny_v1's last stage one at a time, at that stage's exact shapes (a 14x14x16
 * map downsampled to 7x7x24, then 49 tokens of 24 channels, 8 heads of key dim 4 and value dim 16,
 * an MLP of 96), on oneDNN and the Arm Compute Library against the scalar control, at batch 1 and 2
 * on one and two threads. This is where issue 18 saw oneDNN's aarch64 build go wrong under
 * {@code QEMU_CPU=max} on one host: each case prints its largest difference, so that a run under
 * another emulated CPU or SVE vector length (native/test-aarch64.sh --cpus) names the primitive
 * that differs. See docs/aarch64-emulation.md.
 */
@Tag("aarch64-emulated")
class LastStageOpsTest {
    private static final int TOKENS = 49;
    private static final int C = 24;
    private static final int HEADS = 8;
    private static final int KEY_DIM = 4;
    private static final int VAL_DIM = 16;
    private static final int HIDDEN = 96;
    private static final int QKV = HEADS * (2 * KEY_DIM + VAL_DIM);

    private final SplittableRandom random = new SplittableRandom(18);

    private float[] randoms(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) random.nextGaussian();
        }
        return a;
    }

    /** Runs {@code g} as a model would (layer scales and activations folded and fused) on the control and the tested backend. */
    private void agree(String backend, String what, Graph unoptimized, int batch, int threads) {
        Backend b = SmallGraphsTest.backend(backend);
        Graph g = GraphPasses.optimize(unoptimized);
        int in = (int) (g.input().elementsPerImage() * batch);
        int out = (int) (g.output().elementsPerImage() * batch);
        try (Plan control = new JavaBackend(JavaBackend.Tier.SCALAR).compile(g, batch, 1);
             Plan tested = b.compile(g, batch, threads); Arena arena = Arena.ofConfined()) {
            MemorySegment x = arena.allocateFrom(ValueLayout.JAVA_FLOAT, randoms(in));
            MemorySegment expected = arena.allocate(out * 4L);
            MemorySegment actual = arena.allocate(out * 4L);
            control.run(x, expected);
            tested.run(x, actual);
            float[] e = expected.toArray(ValueLayout.JAVA_FLOAT);
            float[] a = actual.toArray(ValueLayout.JAVA_FLOAT);
            System.out.printf("last-stage op %s on %s, batch %d, %d thread(s), QEMU_CPU=%s: max|diff| %.3g%n", what, backend,
                    batch, threads, System.getenv("QEMU_CPU"), maxDiff(e, a));
            ReferenceCase.assertWithinGate(backend + " " + what + " batch " + batch + " threads " + threads, e, a);
        }
    }

    private static double maxDiff(float[] e, float[] a) {
        double m = 0;
        for (int i = 0; i < e.length; i++) {
            double d = Math.abs((double) e[i] - a[i]);
            m = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(m, d);
        }
        return m;
    }

    /**
     * The residual stream as in a model: an intermediate (the graph input cannot take a residual
     * add in place, so oneDNN would need a standalone binary primitive, which its aarch64 build
     * cannot create under emulated SVE: see SmallGraphsTest).
     */
    private Value residualStream(Graph.Builder b) {
        return b.add(new Ops.LayerNorm(randoms(C), randoms(C), 1e-5f), b.input());
    }

    private void tokens(String backend, String what, int batch, int threads, Function<Graph.Builder, Value> body) {
        Graph.Builder b = Graph.builder(TOKENS, C);
        agree(backend, what, b.build(body.apply(b)), batch, threads);
    }

    private void map(String backend, String what, int channels, int side, int batch, int threads, Function<Graph.Builder, Value> body) {
        Graph.Builder b = Graph.builder(channels, side, side);
        agree(backend, what, b.build(body.apply(b)), batch, threads);
    }

    @ParameterizedTest
    @CsvSource({"dnnl,1,1", "dnnl,2,1", "dnnl,1,2", "dnnl,2,2", "acl,2,1"})
    void downsampleConv(String backend, int batch, int threads) {
        map(backend, "downsample 3x3/2 conv", 16, 14, batch, threads,
                b -> b.add(new Ops.Conv2d(C, 16, 3, 2, 1, randoms(C * 16 * 9), randoms(C)), b.input()));
    }

    @ParameterizedTest
    @CsvSource({"dnnl,1,1", "dnnl,2,1", "dnnl,1,2", "dnnl,2,2", "acl,2,1"})
    void poolMixerAndMlp(String backend, int batch, int threads) {
        map(backend, "meta4d block", C, 7, batch, threads, b -> {
            Value x = b.input();
            Value mixed = b.add(new Ops.ChannelScale(randoms(C)), b.add(new Ops.Sub(), b.add(new Ops.AvgPool(3, 1, 1), x), x));
            x = b.add(new Ops.Add(), x, mixed);
            Value h = b.add(new Ops.Gelu(), b.add(new Ops.Conv2d(HIDDEN, C, 1, 1, 0, randoms(HIDDEN * C), randoms(HIDDEN)), x));
            h = b.add(new Ops.ChannelScale(randoms(C)), b.add(new Ops.Conv2d(C, HIDDEN, 1, 1, 0, randoms(C * HIDDEN), randoms(C)), h));
            return b.add(new Ops.ToTokens(), b.add(new Ops.Add(), x, h));
        });
    }

    @ParameterizedTest
    @CsvSource({"dnnl,1,1", "dnnl,2,1", "dnnl,1,2", "dnnl,2,2", "acl,2,1"})
    void layerNorm(String backend, int batch, int threads) {
        tokens(backend, "layer norm", batch, threads, b -> b.add(new Ops.LayerNorm(randoms(C), randoms(C), 1e-5f), b.input()));
    }

    @ParameterizedTest
    @CsvSource({"dnnl,1,1", "dnnl,2,1", "dnnl,1,2", "dnnl,2,2", "acl,2,1"})
    void qkvLinear(String backend, int batch, int threads) {
        tokens(backend, "qkv linear", batch, threads, b -> b.add(new Ops.Linear(QKV, C, randoms(QKV * C), randoms(QKV)), b.input()));
    }

    /** q.k^T with scale and bias post-ops, softmax and a.v, reading q, k and v in place from the qkv map. */
    @ParameterizedTest
    @CsvSource({"dnnl,1,1", "dnnl,2,1", "dnnl,1,2", "dnnl,2,2", "acl,2,1"})
    void attention(String backend, int batch, int threads) {
        Graph.Builder b = Graph.builder(TOKENS, QKV);
        Value y = b.add(new Ops.Attention(HEADS, KEY_DIM, VAL_DIM, TOKENS, randoms(HEADS * TOKENS * TOKENS)), b.input());
        agree(backend, "attention", b.build(y), batch, threads);
    }

    @ParameterizedTest
    @CsvSource({"dnnl,1,1", "dnnl,2,1", "dnnl,1,2", "dnnl,2,2", "acl,2,1"})
    void projectionWithResidual(String backend, int batch, int threads) {
        tokens(backend, "projection + layer scale + residual", batch, threads, b -> {
            Value x = residualStream(b);
            // The projection reads the attention's output, not the residual it is added to.
            Value attended = b.add(new Ops.Gelu(), x);
            Value y = b.add(new Ops.Linear(C, C, randoms(C * C), randoms(C)), attended);
            return b.add(new Ops.Add(), x, b.add(new Ops.ChannelScale(randoms(C)), y));
        });
    }

    @ParameterizedTest
    @CsvSource({"dnnl,1,1", "dnnl,2,1", "dnnl,1,2", "dnnl,2,2", "acl,2,1"})
    void mlpWithResidual(String backend, int batch, int threads) {
        tokens(backend, "MLP + residual", batch, threads, b -> {
            Value x = residualStream(b);
            Value h = b.add(new Ops.Gelu(), b.add(new Ops.Linear(HIDDEN, C, randoms(HIDDEN * C), randoms(HIDDEN)), x));
            h = b.add(new Ops.ChannelScale(randoms(C)), b.add(new Ops.Linear(C, HIDDEN, randoms(C * HIDDEN), randoms(C)), h));
            return b.add(new Ops.Add(), x, h);
        });
    }
}
