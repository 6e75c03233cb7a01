package dev.efficientformer.backend.dnnl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.efficientformer.graph.Graph;
import dev.efficientformer.nativelib.KernelsLibrary;
import dev.efficientformer.graph.Ops;
import dev.efficientformer.graph.Value;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A stem convolution whose output is exactly one channel block reads the caller's NCHW image with
 * no input reorder (V2-S0 to S2 on AVX-512); any other stem gets the reorder into NHWC, unless the
 * project's own stem kernel reads the image ({@link OwnKernelsTest}). All give the scalar control's
 * numbers, also through the next layer, which reads the stem's map as NHWC.
 */
class StemOnImageTest {
    private static final int BATCH = 2;
    private final SplittableRandom random = new SplittableRandom(29);

    @ParameterizedTest(name = "stem of {0} channels")
    @ValueSource(ints = {8, 16, 24, 32})
    void onlyAOneBlockStemSkipsTheInputReorder(int stemChannels) {
        Graph.Builder b = Graph.builder(3, 30, 26);
        Value stem = b.add(new Ops.Gelu(), b.add(new Ops.Conv2d(stemChannels, 3, 3, 2, 1, randoms(stemChannels * 27), randoms(stemChannels)),
                b.input()));
        Graph g = b.build(b.add(new Ops.Conv2d(32, stemChannels, 3, 2, 1, randoms(32 * stemChannels * 9), randoms(32)), stem));
        List<String> kinds = AgainstTheControl.stepKinds("stem of " + stemChannels + " channels", g, BATCH,
                randoms((int) g.input().elementsPerImage() * BATCH));
        boolean oneBlock = stemChannels == ActivationLayouts.vectorChannels();
        boolean ownStem = KernelsLibrary.isUsable() && DnnlIsa.hasAvx512();
        assertEquals(oneBlock || ownStem ? 0 : 1, Collections.frequency(kinds, "input reorder"), kinds.toString());
    }

    private float[] randoms(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (random.nextGaussian() * 0.5);
        }
        return a;
    }
}
