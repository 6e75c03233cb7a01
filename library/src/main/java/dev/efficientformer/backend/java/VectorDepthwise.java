package dev.efficientformer.backend.java;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Depthwise 3x3 convolution with stride 1 and padding 1 (EfficientFormerV2's MLP and local value
 * branch) on one channel plane: each input row is copied once into a zero-bordered scratch row,
 * and the three taps of that row are three shifted vector loads multiplied into the output row,
 * which starts as the bias. The bias, then the taps in (row, column) order, are summed as the
 * scalar control sums them; FMA rounding differs from it by float rounding only.
 *
 * <p>Thread-safety: stateless; callers own the planes they write and the scratch row.
 */
final class VectorDepthwise {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorDepthwise() {
    }

    /** Floats of scratch per thread for planes {@code w} wide. */
    static int scratchSize(int w) {
        return w + 2;
    }

    /** Whether this kernel computes {@code c} (else the scalar one does). */
    static boolean handles(dev.efficientformer.graph.Ops.DepthwiseConv2d c) {
        return c.kernel() == 3 && c.stride() == 1 && c.padding() == 1;
    }

    /**
     * One plane: {@code x[xo .. xo + h*w)} to {@code y[yo ..]}, with the nine weights at
     * {@code weight[wo ..]} (row-major) and {@code bias}.
     */
    static void plane(float[] x, int xo, int h, int w, float[] weight, int wo, float bias, float[] y, int yo, float[] scratch) {
        for (int i = 0; i < h; i++) {
            int row = yo + i * w;
            java.util.Arrays.fill(y, row, row + w, bias);
            for (int ky = 0; ky < 3; ky++) {
                int r = i + ky - 1;
                if (r < 0 || r >= h) {
                    continue;
                }
                scratch[0] = 0f;
                System.arraycopy(x, xo + r * w, scratch, 1, w);
                scratch[w + 1] = 0f;
                float w0 = weight[wo + ky * 3];
                float w1 = weight[wo + ky * 3 + 1];
                float w2 = weight[wo + ky * 3 + 2];
                FloatVector v0 = FloatVector.broadcast(S, w0);
                FloatVector v1 = FloatVector.broadcast(S, w1);
                FloatVector v2 = FloatVector.broadcast(S, w2);
                int j = 0;
                for (; j <= w - L; j += L) {
                    FloatVector acc = FloatVector.fromArray(S, y, row + j);
                    acc = FloatVector.fromArray(S, scratch, j).fma(v0, acc);
                    acc = FloatVector.fromArray(S, scratch, j + 1).fma(v1, acc);
                    acc = FloatVector.fromArray(S, scratch, j + 2).fma(v2, acc);
                    acc.intoArray(y, row + j);
                }
                for (; j < w; j++) {
                    float acc = y[row + j];
                    acc = Math.fma(scratch[j], w0, acc);
                    acc = Math.fma(scratch[j + 1], w1, acc);
                    acc = Math.fma(scratch[j + 2], w2, acc);
                    y[row + j] = acc;
                }
            }
        }
    }
}
