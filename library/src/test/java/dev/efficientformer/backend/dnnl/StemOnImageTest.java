package dev.efficientformer.backend.dnnl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.efficientformer.backend.Plan;
import dev.efficientformer.backend.java.JavaBackend;
import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.Ops;
import dev.efficientformer.graph.Value;
import dev.efficientformer.testing.ReferenceCase;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A stem convolution whose output is exactly one channel block reads the caller's NCHW image with
 * no input reorder (V2-S0 to S2 on AVX-512); any other stem gets the reorder into NHWC. Both give
 * the scalar control's numbers, also through the next layer, which reads the stem's map as NHWC.
 */
class StemOnImageTest {
    private static final int BATCH = 2;
    private final SplittableRandom random = new SplittableRandom(29);

    @ParameterizedTest(name = "stem of {0} channels")
    @ValueSource(ints = {8, 16, 24, 32})
    void onlyAOneBlockStemSkipsTheInputReorder(int stemChannels) {
        DnnlBackend dnnl = new DnnlBackend();
        assumeTrue(dnnl.isAvailable(), dnnl::unavailableReason);
        Graph.Builder b = Graph.builder(3, 30, 26);
        Value stem = b.add(new Ops.Gelu(), b.add(new Ops.Conv2d(stemChannels, 3, 3, 2, 1, randoms(stemChannels * 27), randoms(stemChannels)),
                b.input()));
        Graph g = b.build(b.add(new Ops.Conv2d(32, stemChannels, 3, 2, 1, randoms(32 * stemChannels * 9), randoms(32)), stem));
        int in = (int) g.input().elementsPerImage() * BATCH;
        int out = (int) g.output().elementsPerImage() * BATCH;
        try (DnnlPlan plan = (DnnlPlan) dnnl.compile(g, BATCH, 1);
                Plan control = new JavaBackend(JavaBackend.Tier.SCALAR).compile(g, BATCH, 1);
                Arena arena = Arena.ofConfined()) {
            List<String> kinds = plan.stepKinds();
            boolean oneBlock = stemChannels == ActivationLayouts.vectorChannels();
            assertEquals(oneBlock ? 0 : 1, Collections.frequency(kinds, "input reorder"), kinds.toString());
            MemorySegment x = arena.allocateFrom(ValueLayout.JAVA_FLOAT, randoms(in));
            MemorySegment expected = arena.allocate(out * 4L);
            MemorySegment actual = arena.allocate(out * 4L);
            control.run(x, expected);
            plan.run(x, actual);
            ReferenceCase.assertWithinGate("stem of " + stemChannels + " channels", expected.toArray(ValueLayout.JAVA_FLOAT),
                    actual.toArray(ValueLayout.JAVA_FLOAT));
        }
    }

    private float[] randoms(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (random.nextGaussian() * 0.5);
        }
        return a;
    }
}
