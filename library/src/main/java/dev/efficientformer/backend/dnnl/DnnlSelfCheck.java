package dev.efficientformer.backend.dnnl;

import dev.efficientformer.MatmulPrecision;
import dev.efficientformer.backend.Plan;
import dev.efficientformer.backend.java.JavaBackend;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.GraphPasses;
import dev.efficientformer.graph.Ops;
import dev.efficientformer.graph.Value;
import dev.efficientformer.nativelib.AclLibrary;
import dev.efficientformer.nativelib.Platform;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A known-answer check of oneDNN's kernels on the CPU this process runs on, made once per JVM
 * before the dnnl backend is offered on Linux aarch64.
 *
 * <p>Why: oneDNN JIT-compiles its aarch64 kernels for the vector length and caches it finds at run
 * time, so which code runs is decided on the board, not when the library is built or tested. Issue
 * 18 saw the tiny V1 model's last stage come out wrong (0.98 absolute) under an emulated 512-bit
 * SVE CPU on one host, and right on others. Whatever the cause (emulator or kernel), a backend that
 * gives wrong logits must not be chosen: this check runs a model of tiny V1's shapes (every op
 * kind of V1 on each of its four grids) on oneDNN and on the scalar Java control, and the backend
 * is reported unavailable, saying why, when the logits differ beyond the correctness gate. Under
 * emulation, oneDNN 3.13 fails it with SVE vectors longer than 512 bits (see
 * docs/aarch64-emulation.md). {@code auto} then falls back to the next backend with one warning
 * (on aarch64 acl comes first anyway). On x86_64 the check is not made: there the same kernels
 * are gated by the test suite on the CPUs they run on.
 *
 * <p>Cost: compiling the model and running it on both backends at batch 2 (about 20 M
 * multiply-adds), once per JVM.
 *
 * <p>Thread-safety: the result is computed once, under the class's initialisation lock.
 */
final class DnnlSelfCheck {
    private static final double GATE = 1e-4;
    private static final int BATCH = 2;

    private DnnlSelfCheck() {
    }

    /** Why oneDNN must not be used on this CPU, or empty when it may (or the check does not apply). */
    static Optional<String> failure() {
        return Holder.FAILURE;
    }

    private static final class Holder {
        static final Optional<String> FAILURE = Platform.current().equals(AclLibrary.PLATFORM) ? runCatching() : Optional.empty();

        private static Optional<String> runCatching() {
            try {
                return run();
            } catch (RuntimeException e) {
                return Optional.of("oneDNN could not run its known-answer check on this CPU (" + Platform.current() + "): " + e.getMessage());
            }
        }
    }

    /** Runs the check now, whatever the platform (tests call it on x86_64 too). */
    static Optional<String> run() {
        Graph g = GraphPasses.optimize(tinyV1Shapes(new SplittableRandom(18)));
        try (Plan control = new JavaBackend(JavaBackend.Tier.SCALAR).compile(g, BATCH, 1);
             Plan tested = DnnlPlanCompiler.compile(g, BATCH, 1, null, MatmulPrecision.HIGHEST);
             Arena arena = Arena.ofConfined()) {
            int in = (int) g.input().elementsPerImage() * BATCH;
            int out = control.outputsPerImage() * BATCH;
            MemorySegment x = arena.allocateFrom(ValueLayout.JAVA_FLOAT, gaussians(new SplittableRandom(7), in));
            MemorySegment expected = arena.allocate(ValueLayout.JAVA_FLOAT, out);
            MemorySegment actual = arena.allocate(ValueLayout.JAVA_FLOAT, out);
            control.run(x, expected);
            tested.run(x, actual);
            return compare(expected.toArray(ValueLayout.JAVA_FLOAT), actual.toArray(ValueLayout.JAVA_FLOAT));
        }
    }

    /** Empty when {@code actual} is within the correctness gate of {@code expected}, else what differs. */
    static Optional<String> compare(float[] expected, float[] actual) {
        double maxRef = 0;
        double maxDiff = 0;
        int worst = 0;
        for (int i = 0; i < expected.length; i++) {
            maxRef = Math.max(maxRef, Math.abs(expected[i]));
            double d = Math.abs((double) expected[i] - actual[i]);
            if (!(d <= maxDiff)) {
                maxDiff = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                worst = i;
            }
        }
        double bound = GATE * Math.max(1, maxRef);
        if (maxDiff <= bound) {
            return Optional.empty();
        }
        return Optional.of(String.format("oneDNN computed a known-answer check wrongly on this CPU (%s): the logits of a model of tiny V1's shapes differ"
                + " from the scalar Java control by %.3g at element %d (expected %.6g, got %.6g; the gate is %.3g),"
                + " so its results here cannot be trusted", Platform.current(), maxDiff, worst, expected[worst], actual[worst], bound));
    }

    /**
     * A model of tiny_v1's shapes with random weights: the stem, a Meta4D block on each of the 56,
     * 28, 14 and 7 grids (8, 12, 16, 24 channels) after a stride-2 downsampling, a Meta3D block with
     * 8 heads of key dim 4 and value dim 16 on the 7x7 grid, the norm, the mean and a 10-class head.
     */
    static Graph tinyV1Shapes(SplittableRandom r) {
        int[] widths = {8, 12, 16, 24};
        Graph.Builder b = Graph.builder(3, 224, 224);
        Value x = b.add(new Ops.Relu(), conv(b, r, b.input(), 3, widths[0] / 2, 3, 2));
        x = b.add(new Ops.Relu(), conv(b, r, x, widths[0] / 2, widths[0], 3, 2));
        for (int s = 0; s < widths.length; s++) {
            if (s > 0) {
                x = conv(b, r, x, widths[s - 1], widths[s], 3, 2);
            }
            x = meta4d(b, r, x, widths[s]);
        }
        int c = widths[3];
        x = meta3d(b, r, b.add(new Ops.ToTokens(), x), c);
        x = b.add(new Ops.MeanTokens(), b.add(new Ops.LayerNorm(gaussians(r, c), gaussians(r, c), 1e-5f), x));
        return b.build(b.add(new Ops.Linear(10, c, gaussians(r, 10 * c), gaussians(r, 10)), x));
    }

    private static Value conv(Graph.Builder b, SplittableRandom r, Value x, int in, int out, int kernel, int stride) {
        return b.add(new Ops.Conv2d(out, in, kernel, stride, kernel / 2, gaussians(r, out * in * kernel * kernel, in * kernel * kernel),
                gaussians(r, out)), x);
    }

    /** The pool mixer and the 1x1 MLP, each with its layer scale and residual add. */
    private static Value meta4d(Graph.Builder b, SplittableRandom r, Value x, int c) {
        Value mixed = b.add(new Ops.ChannelScale(gaussians(r, c)), b.add(new Ops.Sub(), b.add(new Ops.AvgPool(3, 1, 1), x), x));
        x = b.add(new Ops.Add(), x, mixed);
        Value h = b.add(new Ops.Gelu(), conv(b, r, x, c, 4 * c, 1, 1));
        h = b.add(new Ops.ChannelScale(gaussians(r, c)), conv(b, r, h, 4 * c, c, 1, 1));
        return b.add(new Ops.Add(), x, h);
    }

    /** Layer norm, multi-head attention with its bias, projection, MLP, layer scales and residuals. */
    private static Value meta3d(Graph.Builder b, SplittableRandom r, Value x, int c) {
        int heads = 8;
        int keyDim = 4;
        int valDim = 16;
        int tokens = 49;
        int qkv = heads * (2 * keyDim + valDim);
        Value y = b.add(new Ops.LayerNorm(gaussians(r, c), gaussians(r, c), 1e-5f), x);
        y = b.add(new Ops.Linear(qkv, c, gaussians(r, qkv * c, c), gaussians(r, qkv)), y);
        y = b.add(new Ops.Attention(heads, keyDim, valDim, tokens, gaussians(r, heads * tokens * tokens)), y);
        y = b.add(new Ops.Linear(c, heads * valDim, gaussians(r, c * heads * valDim, heads * valDim), gaussians(r, c)), y);
        x = b.add(new Ops.Add(), x, b.add(new Ops.ChannelScale(gaussians(r, c)), y));
        Value h = b.add(new Ops.LayerNorm(gaussians(r, c), gaussians(r, c), 1e-5f), x);
        h = b.add(new Ops.Gelu(), b.add(new Ops.Linear(4 * c, c, gaussians(r, 4 * c * c, c), gaussians(r, 4 * c)), h));
        h = b.add(new Ops.ChannelScale(gaussians(r, c)), b.add(new Ops.Linear(c, 4 * c, gaussians(r, c * 4 * c, 4 * c), gaussians(r, c)), h));
        return b.add(new Ops.Add(), x, h);
    }

    /** N(0, 1/fanIn) weights, so that activations keep their scale through the stages. */
    private static float[] gaussians(SplittableRandom r, int n, int fanIn) {
        float[] a = gaussians(r, n);
        float scale = (float) (1 / Math.sqrt(fanIn));
        for (int i = 0; i < n; i++) {
            a[i] *= scale;
        }
        return a;
    }

    private static float[] gaussians(SplittableRandom r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }
}
