package dev.efficientformer.backend.java;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Depthwise 3x3 convolution with padding 1 and stride 1 or 2 (EfficientFormerV2's MLP, local
 * value branch and strided attention) on one channel plane. For each input row a tap reads, the
 * row is copied once into a zero-bordered scratch row (stride 2: split into its even and odd
 * columns of the padded row, so that output column {@code j} reads {@code even[j], odd[j],
 * even[j + 1]}), and the three taps of that row are three shifted vector loads multiplied into
 * the output row, which starts as the bias. The bias, then the taps in (row, column) order, are
 * summed as the scalar control sums them; FMA rounding differs from it by float rounding only.
 *
 * <p>Thread-safety: stateless; callers own the planes they write and the scratch row.
 */
final class VectorDepthwise {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorDepthwise() {
    }

    /** Floats of scratch per thread for planes {@code w} wide (either stride). */
    static int scratchSize(int w) {
        return w + 2;
    }

    /** Whether this kernel computes {@code c} (else the scalar one does). */
    static boolean handles(dev.efficientformer.graph.Ops.DepthwiseConv2d c) {
        return c.kernel() == 3 && c.padding() == 1 && (c.stride() == 1 || c.stride() == 2);
    }

    /**
     * One plane: {@code x[xo .. xo + h*w)} to {@code y[yo ..]} (its output size for this stride),
     * with the nine weights at {@code weight[wo ..]} (row-major) and {@code bias}.
     */
    static void plane(float[] x, int xo, int h, int w, int stride, float[] weight, int wo, float bias, float[] y, int yo,
                      float[] scratch) {
        int oh = (h - 1) / stride + 1;
        int ow = (w - 1) / stride + 1;
        int odd = ow + 1;
        for (int i = 0; i < oh; i++) {
            int row = yo + i * ow;
            java.util.Arrays.fill(y, row, row + ow, bias);
            for (int ky = 0; ky < 3; ky++) {
                int r = stride * i + ky - 1;
                if (r < 0 || r >= h) {
                    continue;
                }
                int in = xo + r * w;
                float w0 = weight[wo + ky * 3];
                float w1 = weight[wo + ky * 3 + 1];
                float w2 = weight[wo + ky * 3 + 2];
                if (stride == 1) {
                    scratch[0] = 0f;
                    System.arraycopy(x, in, scratch, 1, w);
                    scratch[w + 1] = 0f;
                    taps(y, row, ow, scratch, 0, scratch, 1, scratch, 2, w0, w1, w2);
                } else {
                    // Padded column k is input column k - 1: even[m] = padded[2m], odd[m] = padded[2m + 1].
                    for (int m = 0; m <= ow; m++) {
                        int c = 2 * m - 1;
                        scratch[m] = c >= 0 && c < w ? x[in + c] : 0f;
                    }
                    for (int m = 0; m < ow; m++) {
                        scratch[odd + m] = x[in + 2 * m];
                    }
                    taps(y, row, ow, scratch, 0, scratch, odd, scratch, 1, w0, w1, w2);
                }
            }
        }
    }

    /** {@code y[row + j] += a[ao + j] * w0 + b[bo + j] * w1 + c[co + j] * w2} for {@code j < n}, in that order. */
    private static void taps(float[] y, int row, int n, float[] a, int ao, float[] b, int bo, float[] c, int co, float w0, float w1,
                             float w2) {
        FloatVector v0 = FloatVector.broadcast(S, w0);
        FloatVector v1 = FloatVector.broadcast(S, w1);
        FloatVector v2 = FloatVector.broadcast(S, w2);
        int j = 0;
        for (; j <= n - L; j += L) {
            FloatVector acc = FloatVector.fromArray(S, y, row + j);
            acc = FloatVector.fromArray(S, a, ao + j).fma(v0, acc);
            acc = FloatVector.fromArray(S, b, bo + j).fma(v1, acc);
            acc = FloatVector.fromArray(S, c, co + j).fma(v2, acc);
            acc.intoArray(y, row + j);
        }
        for (; j < n; j++) {
            float acc = y[row + j];
            acc = Math.fma(a[ao + j], w0, acc);
            acc = Math.fma(b[bo + j], w1, acc);
            acc = Math.fma(c[co + j], w2, acc);
            y[row + j] = acc;
        }
    }
}
