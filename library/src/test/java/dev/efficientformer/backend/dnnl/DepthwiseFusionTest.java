package dev.efficientformer.backend.dnnl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.efficientformer.graph.Graph;
import dev.efficientformer.graph.Ops;
import dev.efficientformer.graph.Value;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * V2's MLP pattern (1x1 + GELU, depthwise 3x3 + GELU, 1x1) on a hidden map large enough that
 * oneDNN's AVX2 1x1 kernel takes the depthwise convolution as a post-op: the fused step is there
 * and gives the scalar control's numbers, at stride 1 and 2.
 */
class DepthwiseFusionTest {
    private static final int BATCH = 2;
    private final SplittableRandom random = new SplittableRandom(17);

    @ParameterizedTest(name = "depthwise stride {0}")
    @ValueSource(ints = {1, 2})
    void aPointwiseThenDepthwisePairIsOneStepWithTheControlsNumbers(int stride) {
        // The input's grid stays NHWC: a stride-2 stem leads into a grid that runs on channel blocks.
        Graph.Builder b = Graph.builder(8, 224, 224);
        Value stem = b.add(new Ops.Conv2d(16, 8, 3, 2, 1, randoms(16 * 8 * 9), randoms(16)), b.input());
        Value hidden = b.add(new Ops.Gelu(), b.add(new Ops.Conv2d(64, 16, 1, 1, 0, randoms(64 * 16), randoms(64)), stem));
        Value mid = b.add(new Ops.Gelu(), b.add(new Ops.DepthwiseConv2d(64, 3, stride, 1, randoms(64 * 9), randoms(64)), hidden));
        Graph g = b.build(b.add(new Ops.Conv2d(16, 64, 1, 1, 0, randoms(16 * 64), randoms(16)), mid));
        List<String> kinds = AgainstTheControl.stepKinds("fused pointwise and depthwise, stride " + stride, g, BATCH,
                randoms((int) g.input().elementsPerImage() * BATCH));
        // oneDNN fuses on AVX2 alone (its AVX-512 kernels decide by their own rules); the numbers are checked anyway.
        if (DnnlIsa.effective().startsWith("avx2")) {
            assertEquals(1, Collections.frequency(kinds, "conv1x1+dwconv3x3"), kinds.toString());
            assertEquals(-1, kinds.indexOf("dwconv3x3"), "no separate depthwise step: " + kinds);
        }
    }

    private float[] randoms(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (random.nextGaussian() * 0.3);
        }
        return a;
    }
}
