package dev.efficientformer.backend.java;

import jdk.incubator.vector.FloatVector;
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

    /** Scratch floats one call needs. */
    static int scratchSize() {
        return L;
    }

    /**
     * Normalises rows {@code [r0, r1)} of {@code x [rows, c]} into {@code y}. Sums add the
     * lanes of the vector accumulator in a fixed order (through {@code lanes}), so results do not
     * depend on how the JIT reduces a vector.
     */
    static void layerNorm(float[] x, float[] y, int r0, int r1, int c, float[] gamma, float[] beta, float eps, float[] lanes) {
        for (int r = r0; r < r1; r++) {
            int base = r * c;
            float mean = sum(x, base, c, lanes) / c;
            float var = squaredDeviations(x, base, c, mean, lanes) / c;
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

    private static float sum(float[] x, int o, int n, float[] lanes) {
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (; i <= n - L; i += L) {
            acc = acc.add(FloatVector.fromArray(S, x, o + i));
        }
        acc.intoArray(lanes, 0);
        float s = addLanes(lanes);
        for (; i < n; i++) {
            s += x[o + i];
        }
        return s;
    }

    private static float squaredDeviations(float[] x, int o, int n, float mean, float[] lanes) {
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector d = FloatVector.fromArray(S, x, o + i).sub(mean);
            acc = d.fma(d, acc);
        }
        acc.intoArray(lanes, 0);
        float s = addLanes(lanes);
        for (; i < n; i++) {
            float d = x[o + i] - mean;
            s += d * d;
        }
        return s;
    }

    private static float addLanes(float[] lanes) {
        float s = 0f;
        for (int i = 0; i < L; i++) {
            s += lanes[i];
        }
        return s;
    }
}
