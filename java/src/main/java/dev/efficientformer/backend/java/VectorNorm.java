package dev.efficientformer.backend.java;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Layer normalisation over the last dim of token rows, vectorised along the row: the mean, then
 * the biased variance around it (two passes, as the scalar control), then
 * {@code (x - mean) * inv * gamma + beta}.
 *
 * <p>Thread-safety: stateless; callers own the rows they write.
 */
final class VectorNorm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorNorm() {
    }

    /** Normalises rows {@code [r0, r1)} of {@code x [rows, c]} into {@code y}. */
    static void layerNorm(float[] x, float[] y, int r0, int r1, int c, float[] gamma, float[] beta, float eps) {
        for (int r = r0; r < r1; r++) {
            int base = r * c;
            float mean = sum(x, base, c) / c;
            float var = squaredDeviations(x, base, c, mean) / c;
            float inv = (float) (1.0 / Math.sqrt(var + eps));
            int i = 0;
            for (; i <= c - L; i += L) {
                FloatVector.fromArray(S, x, base + i).sub(mean).mul(inv).mul(FloatVector.fromArray(S, gamma, i))
                        .add(FloatVector.fromArray(S, beta, i)).intoArray(y, base + i);
            }
            for (; i < c; i++) {
                y[base + i] = (x[base + i] - mean) * inv * gamma[i] + beta[i];
            }
        }
    }

    private static float sum(float[] x, int o, int n) {
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (; i <= n - L; i += L) {
            acc = acc.add(FloatVector.fromArray(S, x, o + i));
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += x[o + i];
        }
        return s;
    }

    private static float squaredDeviations(float[] x, int o, int n, float mean) {
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector d = FloatVector.fromArray(S, x, o + i).sub(mean);
            acc = d.fma(d, acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            float d = x[o + i] - mean;
            s += d * d;
        }
        return s;
    }
}
